import { z } from 'zod';

/**
 * Who the emails and pages are from: the constituency office, named once by five settings and
 * shown in every email's sender name and footer and in every page's footer.
 *
 * Production refuses to start without the name, address, phone and email (a parent who cannot tell
 * who is writing takes the email for spam); OFFICE_HOURS is optional. Elsewhere (development and
 * tests) an unset setting falls back to the demo office below, which `npm start` also passes on.
 */
export const DEMO_OFFICE = {
  OFFICE_NAME: 'Halesowen Constituency Office (demo)',
  OFFICE_ADDRESS: '1 Example Street, Halesowen B63 0ZZ',
  // Ofcom's range for drama: never a real line.
  OFFICE_PHONE: '0121 496 0000',
  OFFICE_EMAIL: 'office@example.org',
  OFFICE_HOURS: 'Monday to Friday, 9am to 5pm',
} as const;

export const REQUIRED_OFFICE_SETTINGS = [
  'OFFICE_NAME',
  'OFFICE_ADDRESS',
  'OFFICE_PHONE',
  'OFFICE_EMAIL',
] as const;

/**
 * Control characters (CR and LF above all), Unicode line breaks and invisible format characters
 * (such as a right-to-left override): the name goes into the From header and the calendar's
 * ORGANIZER, where a line break would start a header of its own.
 */
export const CONTROL_CHARACTERS = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** Unset, empty or only spaces is "not set"; surrounding spaces (a stray newline from a file) go. */
const setting = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined);

const oneLine = (max: number, base = z.string()) =>
  base.max(max, `must be at most ${max} characters`).refine((value) => !CONTROL_CHARACTERS.test(value), {
    message: 'must be one line, without line breaks, control or invisible characters',
  });

export const officeSettingsSchema = {
  // e.g. "Halesowen Constituency Office": the sender's name on every email, and every footer.
  OFFICE_NAME: setting.pipe(oneLine(100).optional()),
  // One line, parts separated by commas: "1 Example Street, Halesowen B63 0ZZ".
  OFFICE_ADDRESS: setting.pipe(oneLine(200).optional()),
  OFFICE_PHONE: setting.pipe(
    oneLine(30)
      .refine(
        (value) => /^\+?[\d ()-]+$/.test(value) && value.replace(/\D/g, '').length >= 7,
        'must be a phone number, such as 0121 496 0000',
      )
      .optional(),
  ),
  // Where people write to the office: the Reply-To of every email, and the sender when MAIL_FROM is unset.
  OFFICE_EMAIL: setting.pipe(oneLine(254, z.string().email('must be an email address')).optional()),
  // When the phone is answered, e.g. "Monday to Friday, 9am to 5pm".
  OFFICE_HOURS: setting.pipe(oneLine(100).optional()),
};

type OfficeSettings = { [K in keyof typeof DEMO_OFFICE]?: string };

/** In production, names each office setting that is missing (all of them at once). */
export function requireOfficeInProduction(
  env: OfficeSettings & { NODE_ENV: string },
  ctx: z.RefinementCtx,
): void {
  if (env.NODE_ENV !== 'production') return;
  for (const key of REQUIRED_OFFICE_SETTINGS) {
    if (!env[key]) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: [key],
        message: 'is required in production: it names the office on every email and page',
      });
    }
  }
}

/** The office settings, unset ones filled from the demo office outside production (production has them all). */
export function officeWithDemoDefaults(env: OfficeSettings & { NODE_ENV: string }): {
  OFFICE_NAME: string;
  OFFICE_ADDRESS: string;
  OFFICE_PHONE: string;
  OFFICE_EMAIL: string;
  OFFICE_HOURS: string | undefined;
} {
  const demo = env.NODE_ENV === 'production' ? undefined : DEMO_OFFICE;
  const pick = (key: keyof typeof DEMO_OFFICE): string => env[key] ?? demo?.[key] ?? '';
  return {
    OFFICE_NAME: pick('OFFICE_NAME'),
    OFFICE_ADDRESS: pick('OFFICE_ADDRESS'),
    OFFICE_PHONE: pick('OFFICE_PHONE'),
    OFFICE_EMAIL: pick('OFFICE_EMAIL'),
    OFFICE_HOURS: env.OFFICE_HOURS ?? demo?.OFFICE_HOURS,
  };
}
