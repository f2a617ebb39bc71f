import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { linkKeysSchema } from './link-keys';
import {
  CONTROL_CHARACTERS,
  officeSettingsSchema,
  officeWithDemoDefaults,
  requireOfficeInProduction,
} from './office-settings';
import { testimonyKeysSchema } from './testimony-keys';

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const url = (protocols: string[]) =>
  z
    .string({ required_error: 'is required' })
    .url('must be a URL')
    .refine((value) => protocols.some((p) => value.startsWith(`${p}://`)), {
      message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    });

/**
 * Every setting the apps read, validated once at boot. A missing or malformed variable stops the
 * process with a message that names it (see validateEnv), so a bad deploy fails loudly and early.
 */
/**
 * How many processes the api or the worker runs as: `auto` (the default) is one per core, as
 * node:os counts them; a whole number otherwise.
 */
const processCount = z
  .union([z.literal('auto'), z.coerce.number().int().min(1).max(64)], {
    errorMap: () => ({ message: "must be 'auto' (one per core) or a whole number from 1 to 64" }),
  })
  .default('auto')
  .transform((value) => (value === 'auto' ? availableParallelism() : value));

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    // The worker's readiness signal (GET /health on this port); unset, the worker opens no port.
    WORKER_HEALTH_PORT: optionalString.pipe(z.coerce.number().int().min(0).max(65535).optional()),
    WORKER_HEALTH_HOST: z.string().default('127.0.0.1'),
    PUBLIC_URL: url(['http', 'https']).default('http://localhost:3000'),
    DATABASE_URL: url(['postgres', 'postgresql']),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    REDIS_URL: url(['redis', 'rediss']),
    REDIS_PREFIX: z
      .string()
      .regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and dashes')
      .default('roundtable'),
    SMTP_URL: url(['smtp', 'smtps']).default('smtp://127.0.0.1:1025'),
    // The address mail is sent from, when it is not OFFICE_EMAIL (a relay may only send as its own
    // domain); the sender's name is always OFFICE_NAME (see office-settings.ts).
    MAIL_FROM: optionalString.pipe(
      z
        .string()
        .refine((value) => !CONTROL_CHARACTERS.test(value), 'must be one line, without control characters')
        .optional(),
    ),
    ...officeSettingsSchema,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // JSON for machines (production, tests); pretty for a person at a terminal (npm start sets it).
    LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/, 'must be a size such as 100kb')
      .default('100kb'),
    // The invitations route takes a list of up to 10,000 contacts, about 1 MB of JSON.
    INVITATIONS_BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/, 'must be a size such as 2mb')
      .default('2mb'),
    SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(12),
    // How long a set-password link (a new partner user's welcome) stays usable.
    PASSWORD_LINK_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(72),
    LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
    // Failed sign-ins to one email address, from anywhere, within 15 minutes before it is refused.
    LOGIN_ACCOUNT_FAILURE_LIMIT: z.coerce.number().int().min(1).default(10),
    PUBLIC_RATE_LIMIT: z.coerce.number().int().min(1).default(120),
    API_PROCESSES: processCount,
    WORKER_PROCESSES: processCount,
    // How long a rendered public list or event page may be reused while nothing it shows has
    // changed (see apps/api/src/http/public-read-cache); 0 turns the cache off.
    PUBLIC_PAGE_CACHE_SECONDS: z.coerce
      .number({ invalid_type_error: 'must be a whole number of seconds' })
      .int('must be a whole number of seconds')
      .min(0, 'must be 0 (off) or more')
      .max(3600, 'must be at most 3600 seconds')
      .default(10),
    /** Server keys that private manage links are derived from; never logged (see link-keys.ts). */
    LINK_KEYS: linkKeysSchema,
    /**
     * Keys that testimony fields are encrypted under (see testimony-keys.ts); never logged.
     * Optional while nothing collects testimony: it will be required once something does.
     */
    TESTIMONY_KEYS: optionalString.pipe(testimonyKeysSchema.optional()),
    // Months after it was given that the worker erases testimony (leaving a count, not data).
    TESTIMONY_RETENTION_MONTHS: z.coerce
      .number({ invalid_type_error: 'must be a whole number of months' })
      .int('must be a whole number of months')
      .min(1, 'must be at least 1 month')
      .max(1200, 'must be at most 1200 months')
      .default(24),
    // Days after an event ends that the worker erases its registrations' personal data, keeping
    // statuses, access need kinds and attendance for the counts (see RegistrationRetention).
    REGISTRATION_RETENTION_DAYS: z.coerce
      .number({ invalid_type_error: 'must be a whole number of days' })
      .int('must be a whole number of days')
      .min(1, 'must be at least 1 day')
      .max(36500, 'must be at most 36500 days')
      .default(90),
    // "Send me my link" emails a stranger can cause, counted from the ledger (see README).
    LINK_EMAILS_PER_ADDRESS_PER_EVENT: z.coerce.number().int().min(1).max(100).default(3),
    LINK_EMAILS_PER_ADDRESS: z.coerce.number().int().min(1).max(1000).default(10),
    LINK_EMAILS_PER_EVENT_PER_HOUR: z.coerce.number().int().min(1).max(100000).default(200),
    // Testimony receipts one address may be emailed in 24 hours: anyone can name any address.
    TESTIMONY_RECEIPTS_PER_ADDRESS: z.coerce.number().int().min(1).max(1000).default(5),
    // New registrations one address may be given through the public routes in 24 hours, across
    // events: each sends mail to an address that has not shown it is someone's.
    PUBLIC_REGISTRATIONS_PER_ADDRESS: z.coerce.number().int().min(1).max(1000).default(10),
    // How long, at least, a public answer that must not reveal whether an address is registered
    // takes (registering, asking for a link again): see apps/api/src/http/answer-floor.ts.
    PUBLIC_ANSWER_FLOOR_MS: z.coerce.number().int().min(0).max(5000).default(200),
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    ADMIN_EMAIL: optionalString.pipe(z.string().email('must be an email address').optional()),
    ADMIN_PASSWORD: optionalString.pipe(z.string().min(12, 'must be at least 12 characters').optional()),
    // The designated safeguarding lead, emailed at once when a testimony is flagged (never the
    // story). Unset: the alert goes to ADMIN_EMAIL; neither set: the flag is kept and a warning logged.
    SAFEGUARDING_LEAD_EMAIL: optionalString.pipe(z.string().email('must be an email address').optional()),
    // DKIM signing by the worker itself, for a relay that does not sign for the domain.
    DKIM_DOMAIN: optionalString,
    DKIM_SELECTOR: optionalString,
    DKIM_PRIVATE_KEY: optionalString
      // A PEM key in one environment variable often arrives with its line breaks written as \n.
      .transform((value) => value?.replace(/\\n/g, '\n'))
      .pipe(
        z
          .string()
          .includes('PRIVATE KEY', { message: 'must be a PEM private key (-----BEGIN PRIVATE KEY-----…)' })
          .optional(),
      ),
  })
  .refine((env) => Boolean(env.ADMIN_EMAIL) === Boolean(env.ADMIN_PASSWORD), {
    message: 'ADMIN_EMAIL and ADMIN_PASSWORD must be set together',
    path: ['ADMIN_PASSWORD'],
  })
  .refine(
    (env) => new Set([env.DKIM_DOMAIN, env.DKIM_SELECTOR, env.DKIM_PRIVATE_KEY].map(Boolean)).size === 1,
    {
      message: 'DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY must be set together, or none of them',
      path: ['DKIM_PRIVATE_KEY'],
    },
  )
  .superRefine((env, ctx) => requireOfficeInProduction(env, ctx))
  .transform((env) => ({ ...env, ...officeWithDemoDefaults(env) }));

export type Env = z.infer<typeof envSchema>;

export class InvalidEnvironmentError extends Error {}

/** Parses the environment, or throws an error whose message names each bad variable. */
export function validateEnv(raw: Record<string, unknown>): Env {
  const result = envSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  throw new InvalidEnvironmentError(`Invalid configuration: ${problems.join('; ')}`);
}
