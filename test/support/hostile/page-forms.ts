import fc from 'fast-check';
import { pathParamSource, pathValueArbitrary, type PathValue } from './hostile-request';
import {
  CALENDAR_INJECTIONS,
  HEADER_INJECTIONS,
  hostileString,
  MARKUP_PAYLOADS,
  percentEncode,
  unknownFieldName,
} from './hostile-values';
import { SURVEY_IMPORT_MAPPING } from './hostile-survey-import';
import { HOSTILE_LOGIN_USER, placeholder, type WorldRef } from './hostile-world';

/**
 * Every form the web pages post, by hand (forms are not in the OpenAPI document); a test
 * compares this list with the POST routes the app really has, so a new form cannot be missed.
 */
export interface PageForm {
  /** "POST /staff/events/:id/edit", as Express holds the route. */
  route: string;
  /**
   * Whose form it is: signed-in staff; anyone (one visitor posts them all); a new visitor each
   * time (signing in would change the shared visitor); staff on a session of its own (signing
   * out ends it); the suite's signed-in partner user.
   */
  who: 'staff' | 'anyone' | 'new-visitor' | 'own-session' | 'partner';
  /** Whether the form carries a CSRF token (the one-click unsubscribe does not: mail providers post it). */
  csrf: boolean;
  /** The fields of a valid post; `{{…}}` placeholders name the world's rows. A list is a repeated field. */
  fields: Record<string, string | string[]>;
  /** Sent as multipart/form-data, with an optional CSV file in `file`. */
  multipart?: boolean;
  /** Path parameters that need another row than the usual one for their name. */
  refs?: Record<string, WorldRef>;
  /** Fields the route reads but never stores or shows, so a NUL in them may be let through. */
  ignored?: string[];
}

const eventFields = {
  title: 'Post-16 places: a roundtable',
  kind: 'roundtable',
  description: 'What happens after school for young people with an EHC plan.',
  'date-day': placeholder('startDay'),
  'date-month': placeholder('startMonth'),
  'date-year': placeholder('startYear'),
  startTime: '10:00',
  endTime: '12:00',
  venueId: placeholder('venueId'),
  onlineUrl: '',
  capacity: '',
};

/** The survey import's column form, every field set to the seeded import's own header. */
const surveyColumnFields = Object.fromEntries(
  Object.entries(SURVEY_IMPORT_MAPPING.columns).map(([field, header]) => [`column-${field}`, header]),
);

export const PAGE_FORMS: readonly PageForm[] = [
  {
    route: 'POST /sign-in',
    who: 'new-visitor',
    csrf: true,
    fields: { ...HOSTILE_LOGIN_USER, next: '/staff/venues' },
    // Where to go after signing in: anything unsafe falls back to the events list, never stored.
    ignored: ['next'],
  },
  { route: 'POST /sign-out', who: 'own-session', csrf: true, fields: {} },
  { route: 'POST /staff/events/new', who: 'staff', csrf: true, fields: eventFields },
  { route: 'POST /staff/events/:id/edit', who: 'staff', csrf: true, fields: eventFields },
  { route: 'POST /staff/events/:id/publish', who: 'staff', csrf: true, fields: {} },
  {
    route: 'POST /staff/events/:id/cancel',
    who: 'staff',
    csrf: true,
    fields: { reason: 'The venue has flooded; we will arrange a new date.' },
  },
  {
    route: 'POST /staff/venues/new',
    who: 'staff',
    csrf: true,
    fields: {
      name: 'Cradley Community Centre',
      address: 'Colley Lane, Cradley',
      postcode: 'B63 2TN',
      area: 'cradley-and-wollescote',
      capacity: '40',
      accessFeatures: ['step_free_access', 'hearing_loop'],
    },
  },
  {
    route: 'POST /staff/events/:id/invite',
    who: 'staff',
    csrf: true,
    multipart: true,
    fields: { people: `Sam Jones <${placeholder('uniqueEmail')}>` },
  },
  {
    // The invite preview's "Send N invitations": names a preview kept in Redis for the signed-in
    // user (see NEVER_ACCEPTED_HERE in page-forms.int-spec.ts); every hostile id must be refused.
    route: 'POST /staff/events/:id/invite/send',
    who: 'staff',
    csrf: true,
    fields: { preview: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
  },
  {
    route: 'POST /staff/events/:id/check-in',
    who: 'staff',
    csrf: true,
    fields: { registrationIds: [placeholder('registrationId')] },
  },
  { route: 'POST /staff/events/:id/check-in/:registrationId/undo', who: 'staff', csrf: true, fields: {} },
  {
    route: 'POST /staff/events/:id/check-in/walk-in',
    who: 'staff',
    csrf: true,
    fields: {
      name: 'Sam Jones',
      email: placeholder('uniqueEmail'),
      role: 'parent_carer',
      accessNeeds: ['quiet_room'],
      accessNotes: 'A seat near the door, please.',
    },
  },
  {
    route: 'POST /staff/events/:id/registrations/new',
    who: 'staff',
    csrf: true,
    fields: {
      name: 'Sam Jones',
      email: placeholder('uniqueEmail'),
      role: 'parent_carer',
      phone: '07700 900123',
      companions: '1',
      accessNeeds: ['step_free', 'quiet_room'],
      accessNotes: 'A seat near the door, please.',
    },
  },
  {
    route: 'POST /staff/access-tasks/:taskId/arrange',
    who: 'staff',
    csrf: true,
    fields: { note: 'Sam, your interpreter, will meet you at the door.' },
  },
  {
    route: 'POST /events/:id/register',
    who: 'anyone',
    csrf: true,
    fields: {
      name: 'Sam Jones',
      email: placeholder('uniqueEmail'),
      role: 'parent_carer',
      phone: '07700 900123',
      companions: '1',
      accessNeeds: ['step_free', 'quiet_room'],
      accessNotes: 'A seat near the door, please.',
    },
  },
  {
    route: 'POST /events/:id/manage-link',
    who: 'anyone',
    csrf: true,
    fields: { email: placeholder('uniqueEmail') },
  },
  { route: 'POST /manage-link', who: 'anyone', csrf: true, fields: { email: placeholder('uniqueEmail') } },
  {
    route: 'POST /manage/:token/access-needs',
    who: 'anyone',
    csrf: true,
    fields: { accessNeeds: ['hearing_loop'], accessNotes: 'My son uses a wheelchair.' },
  },
  {
    route: 'POST /manage/:token/accept',
    who: 'anyone',
    csrf: true,
    fields: {},
    refs: { token: 'invitedToken' },
  },
  {
    route: 'POST /manage/:token/decline',
    who: 'anyone',
    csrf: true,
    fields: {},
    refs: { token: 'invitedToken' },
  },
  { route: 'POST /manage/:token/companions', who: 'anyone', csrf: true, fields: { companions: '1' } },
  { route: 'POST /manage/:token/cancel', who: 'anyone', csrf: true, fields: {} },
  {
    route: 'POST /staff/testimonies/:id/redaction',
    who: 'staff',
    csrf: true,
    fields: { redactedStory: 'Our son [name] waited forty weeks for his plan.' },
  },
  {
    route: 'POST /staff/testimonies/:id/review',
    who: 'staff',
    csrf: true,
    fields: { status: 'reviewed', themeIds: [placeholder('themeId')] },
  },
  {
    route: 'POST /staff/testimonies/:id/notes',
    who: 'staff',
    csrf: true,
    fields: { note: 'Rang the family back.' },
  },
  { route: 'POST /staff/testimonies/:id/flag', who: 'staff', csrf: true, fields: { flag: 'raise' } },
  {
    route: 'POST /manage/:token/unsubscribe',
    who: 'anyone',
    csrf: false,
    fields: { 'List-Unsubscribe': 'One-Click' },
    ignored: ['List-Unsubscribe'],
  },
  {
    route: 'POST /testimony/new',
    who: 'anyone',
    csrf: true,
    fields: {
      campaign: placeholder('campaignId'),
      role: 'parent-carer',
      area: 'halesowen-north',
      themes: [placeholder('themeSlug')],
      story: 'We waited 40 weeks for the EHC plan.\nMy son was out of school for most of it.',
      onBehalfOfYoungPerson: 'yes',
      ageBand: '11-15',
      assessmentWaitWeeks: '12',
      planWaitWeeks: '40',
      deadline: 'missed',
      tribunal: 'won',
      schoolPhase: 'secondary',
      quoteConsent: 'quote-anonymously',
      consents: ['contact', 'share-with-authority'],
      name: 'Sam Jones',
      email: placeholder('uniqueEmail'),
    },
  },
  {
    route: 'POST /testimony/receipt/:token/consent',
    who: 'anyone',
    csrf: true,
    fields: { quoteConsent: 'office-only', consents: ['share-with-authority'] },
  },
  { route: 'POST /testimony/receipt/:token/erase', who: 'anyone', csrf: true, fields: {} },
  // The survey import: the upload is multipart (the suite's CSV is a survey of its own), then the
  // seeded import's columns and its commit.
  { route: 'POST /staff/testimony-imports/new', who: 'staff', csrf: true, multipart: true, fields: {} },
  {
    route: 'POST /staff/testimony-imports/:id/mapping',
    who: 'staff',
    csrf: true,
    fields: surveyColumnFields,
  },
  { route: 'POST /staff/testimony-imports/:id/commit', who: 'staff', csrf: true, fields: {} },
  // Partner onboarding: the public registration, the set-password page, and staff's decisions.
  {
    route: 'POST /partners/register',
    who: 'anyone',
    csrf: true,
    fields: {
      name: 'Halesowen Carers Together',
      charityNumber: placeholder('uniqueCharityNumber'),
      contactName: 'Pat Okafor',
      contactEmail: placeholder('uniqueEmail'),
      description: 'We support unpaid carers of children with SEND.',
      areas: ['halesowen-north', 'dudley'],
    },
  },
  {
    route: 'POST /password/:token',
    who: 'anyone',
    csrf: true,
    fields: { password: 'a-long-enough-password-1', confirmPassword: 'a-long-enough-password-1' },
    // Hashed, never stored or shown as it is.
    ignored: ['password', 'confirmPassword'],
  },
  { route: 'POST /staff/partners/:id/approve', who: 'staff', csrf: true, fields: {} },
  // Issue 12, point 8: venue edits, the admins' staff accounts, forgot and change password.
  {
    route: 'POST /staff/venues/:id/edit',
    who: 'staff',
    csrf: true,
    fields: {
      name: 'Halesowen Library',
      address: 'Queensway, Halesowen',
      postcode: 'B63 4AZ',
      area: 'halesowen-north',
      capacity: '40',
      accessFeatures: ['step_free_access'],
    },
  },
  {
    route: 'POST /staff/users/new',
    who: 'staff',
    csrf: true,
    fields: { name: 'Sam Jones', email: placeholder('uniqueEmail'), role: 'organiser' },
  },
  {
    route: 'POST /staff/users/:id',
    who: 'staff',
    csrf: true,
    fields: { name: 'Dee Staff', role: 'organiser' },
    refs: { id: 'staffUserId' },
  },
  {
    route: 'POST /staff/users/:id/deactivate',
    who: 'staff',
    csrf: true,
    fields: {},
    refs: { id: 'staffUserId' },
  },
  {
    route: 'POST /staff/users/:id/reactivate',
    who: 'staff',
    csrf: true,
    fields: {},
    refs: { id: 'staffUserId' },
  },
  {
    route: 'POST /password/forgot',
    who: 'anyone',
    csrf: true,
    fields: { email: placeholder('uniqueEmail') },
  },
  {
    route: 'POST /account/password',
    who: 'staff',
    csrf: true,
    // A wrong current password: the form is read and answered, and the suite's password stays.
    fields: {
      currentPassword: 'not-the-current-password',
      newPassword: 'a-long-enough-password-1',
      confirmPassword: 'a-long-enough-password-1',
    },
    ignored: ['currentPassword', 'newPassword', 'confirmPassword'],
  },
  {
    route: 'POST /staff/partners/:id/reject',
    who: 'staff',
    csrf: true,
    fields: { reason: 'We work only with organisations in the constituency.' },
  },
  {
    route: 'POST /staff/partners/:id/users',
    who: 'staff',
    csrf: true,
    fields: { userName: 'Sam Member', userEmail: placeholder('uniqueEmail') },
    refs: { id: 'approvedPartnerId' },
  },
  {
    route: 'POST /staff/partners/:id/users/:userId/deactivate',
    who: 'staff',
    csrf: true,
    fields: {},
    refs: { id: 'approvedPartnerId', userId: 'partnerUserId' },
  },
  // Co-hosting: staff add and remove co-hosts and answer requests; a partner asks.
  {
    route: 'POST /staff/events/:id/cohosts',
    who: 'staff',
    csrf: true,
    fields: { partnerId: placeholder('candidatePartnerId') },
  },
  { route: 'POST /staff/events/:id/cohosts/:partnerId/remove', who: 'staff', csrf: true, fields: {} },
  { route: 'POST /staff/cohost-requests/:id/accept', who: 'staff', csrf: true, fields: {} },
  {
    route: 'POST /staff/cohost-requests/:id/decline',
    who: 'staff',
    csrf: true,
    fields: { reason: 'A local forum already co-hosts it.' },
  },
  {
    route: 'POST /partner/cohost-requests/new',
    who: 'partner',
    csrf: true,
    fields: { eventId: placeholder('eventId'), message: 'Our members are parent carers in Halesowen.' },
  },
  {
    route: 'POST /staff/site-texts/:key',
    who: 'staff',
    csrf: true,
    fields: { body: 'Roundtable is run by the constituency office.\n\n## Who sees it\n\nOnly office staff.' },
  },
  { route: 'POST /staff/site-texts/:key/reset', who: 'staff', csrf: true, fields: {} },
  // The partner portal: a partner invites its members and makes or revokes its calendar feed;
  // an attendee withdraws their consent to a co-host contacting them.
  {
    route: 'POST /partner/events/:id/invite',
    who: 'partner',
    csrf: true,
    fields: { people: `Sam Jones <${placeholder('uniqueEmail')}>` },
    refs: { id: 'partnerEventId' },
  },
  {
    // The partner invite preview's "Send N invitations", as the staff one: names a preview kept in
    // Redis for the signed-in partner user (see NEVER_ACCEPTED_HERE in page-forms.int-spec.ts).
    route: 'POST /partner/events/:id/invite/send',
    who: 'partner',
    csrf: true,
    fields: { preview: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    refs: { id: 'partnerEventId' },
  },
  { route: 'POST /partner/calendar', who: 'partner', csrf: true, fields: {} },
  { route: 'POST /partner/calendar/revoke', who: 'partner', csrf: true, fields: {} },
  {
    route: 'POST /manage/:token/partner-consent/withdraw',
    who: 'anyone',
    csrf: true,
    fields: { partnerId: placeholder('portalPartnerId') },
    refs: { token: 'portalManageToken' },
    // Compared with the consents given, never stored or shown: anything else changes nothing.
    ignored: ['partnerId'],
  },
];

/** A form post before it meets a world: path values, fields (a list is a repeated field), raw extras. */
export interface FormPost {
  path: Record<string, PathValue>;
  fields: Record<string, string | string[]>;
  /** Appended to the encoded body as it is: malformed escapes, empty pairs. */
  rawSuffix: string;
  /** A CSV file for a multipart form. */
  file?: string;
  /** Set on known attacks the rules forbid: a 2xx or 3xx for it is a failure, naming this. */
  mustRefuse?: string;
}

export function formPathParams(form: PageForm): Array<{ name: string; source: WorldRef | undefined }> {
  const template = form.route.split(' ')[1]!;
  return [...template.matchAll(/:(\w+)/g)].map((match) => {
    const name = match[1]!;
    return { name, source: form.refs?.[name] ?? pathParamSource(template, name) };
  });
}

/** Why the suite cannot post a form, or an empty list when it can. */
export function formGeneratorProblems(form: PageForm): string[] {
  return formPathParams(form)
    .filter((param) => !param.source)
    .map(
      (param) =>
        `path parameter :${param.name} names no kind of row the suite seeds: add it to PATH_PARAM_SOURCES in test/support/hostile/hostile-request.ts`,
    );
}

const hostileFormValue: fc.Arbitrary<string | string[]> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.array(hostileString, { minLength: 2, maxLength: 3 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      '0',
      '-1',
      '99999',
      '1e3',
      '٣',
      '9223372036854775807',
      '25:00',
      '10:60',
      '1030',
    ),
  },
);

/** Every post the suite may send to a form. */
export function formPostArbitrary(form: PageForm): fc.Arbitrary<FormPost> {
  const path: Record<string, fc.Arbitrary<PathValue>> = {};
  for (const param of formPathParams(form)) path[param.name] = pathValueArbitrary(param.source!);
  const names = Object.keys(form.fields);
  const fieldVariants: Array<fc.WeightedArbitrary<Record<string, string | string[]>>> = [
    { weight: 1, arbitrary: fc.constant(form.fields) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          unknownFieldName.filter((name) => name !== '_csrf'),
          hostileFormValue,
        )
        .map(([name, value]) => ({ ...form.fields, [name]: value })),
    },
  ];
  if (names.length > 0) {
    fieldVariants.push(
      {
        weight: 5,
        arbitrary: fc
          .tuple(fc.constantFrom(...names), hostileFormValue)
          .map(([name, value]) => ({ ...form.fields, [name]: value })),
      },
      {
        weight: 2,
        arbitrary: fc
          .record(Object.fromEntries(names.map((name) => [name, hostileFormValue])), { requiredKeys: [] })
          .map((fields) => ({ ...form.fields, ...(fields as Record<string, string | string[]>) })),
      },
      {
        weight: 1,
        arbitrary: fc
          .subarray(names, { minLength: 1 })
          .map((missing) =>
            Object.fromEntries(Object.entries(form.fields).filter(([name]) => !missing.includes(name))),
          ),
      },
    );
  }
  return fc.record({
    path: fc.record(path),
    fields: fc.oneof(...fieldVariants),
    rawSuffix: fc.oneof(
      { weight: 6, arbitrary: fc.constant('') },
      { weight: 1, arbitrary: fc.constantFrom('&%', '&%ZZ=%ZZ', '&a=%C0%80', '&=&&=', '&title=%00') },
    ),
    file: form.multipart
      ? fc.option(
          fc
            .tuple(hostileString, fc.constantFrom('sam@example.org', 'not an address', ''))
            .map(([name, email]) => `name,email\n"${name.replace(/"/g, '""')}",${email}\n`),
          { nil: undefined },
        )
      : fc.constant(undefined),
  });
}

/**
 * The attacks that broke the running system, one field at a time (so no other refusal hides
 * one), and markup, header injections and calendar injections in every field at once.
 */
export function formExamples(form: PageForm): FormPost[] {
  const path = Object.fromEntries(
    formPathParams(form).map((param): [string, PathValue] => [param.name, { ref: param.source! }]),
  );
  const post = (fields: Record<string, string | string[]>): FormPost => ({ path, fields, rawSuffix: '' });
  const examples: FormPost[] = [post(form.fields)];
  for (const param of formPathParams(form))
    examples.push({
      ...post(form.fields),
      path: { ...path, [param.name]: { raw: '%00' } },
      mustRefuse: `:${param.name} that names no row (%00)`,
    });
  const textNames = Object.keys(form.fields).filter((name) => typeof form.fields[name] === 'string');
  const everyText = (value: (current: string) => string) =>
    post({
      ...form.fields,
      ...Object.fromEntries(textNames.map((name) => [name, value(form.fields[name] as string)])),
    });
  for (const payload of MARKUP_PAYLOADS) examples.push(everyText((current) => `${current} ${payload}`));
  for (const injection of HEADER_INJECTIONS.slice(0, 2))
    examples.push(everyText((current) => `${current}${injection.slice(injection.search(/[\r\n]/))}`));
  examples.push(everyText(() => CALENDAR_INJECTIONS[0]));
  for (const name of Object.keys(form.fields)) {
    const current = form.fields[name]!;
    const one = (value: string | string[], mustRefuse?: string) =>
      examples.push({
        ...post({ ...form.fields, [name]: value }),
        mustRefuse: mustRefuse && `${mustRefuse} in ${name}`,
      });
    const text = Array.isArray(current) ? (current[0] ?? '') : current;
    const checked = !(form.ignored ?? []).includes(name) && name !== 'password';
    one(`${text}\u0000`, checked ? 'a NUL character' : undefined);
    one(`Sam\u0007\u001b[2J\u202e${text}`, checked ? 'control characters and a bidi override' : undefined);
    one('   ');
    one([text, text]);
  }
  if ('date-year' in form.fields) {
    for (const year of ['10000', '0', '0000'])
      examples.push({ ...post({ ...form.fields, 'date-year': year }), mustRefuse: `the year ${year}` });
  }
  if (form.multipart) {
    examples.push({
      ...post({ ...form.fields, people: '' }),
      file: 'name,email\n"Sam\u0000Jones",sam@example.org\n',
      mustRefuse: 'a NUL character in the CSV file',
    });
    examples.push({
      ...post({ ...form.fields, people: '' }),
      file: `name,email\n"Sam Jones\r\nBcc: injected@evil.example",sam@example.org\n`,
    });
  }
  return examples;
}

/** A form body as a browser encodes it (application/x-www-form-urlencoded), repeated fields repeated. */
export function encodeForm(fields: Record<string, string | string[]>, rawSuffix: string): string {
  const pairs = Object.entries(fields).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((item) => `${percentEncode(name)}=${percentEncode(item)}`),
  );
  return pairs.join('&') + rawSuffix;
}
