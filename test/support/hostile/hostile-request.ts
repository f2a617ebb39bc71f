import fc from 'fast-check';
import {
  CALENDAR_INJECTIONS,
  deepJson,
  HEADER_INJECTIONS,
  MARKUP_PAYLOADS,
  percentEncode,
  RawJson,
  hostilePathSegment,
  hostileQueryValue,
  type QueryValue,
} from './hostile-values';
import { resolvePlaceholders, worldValue, type HostileWorld, type WorldRef } from './hostile-world';
import { portalPathParamSource } from './hostile-portal-world';

/**
 * One generated request, before it meets a world of real rows: path parameters name a world
 * row (`ref`) or are hostile text already percent-encoded (`raw`); bodies may hold `{{ref}}`
 * placeholders and RawJson values. Kept as plain data so fast-check prints it and replays it.
 */
export interface HostileRequest {
  path: Record<string, PathValue>;
  query: Array<{ key: string; value: QueryValue }>;
  /** Undefined: no body at all. */
  body?: unknown;
  /** Set on known attacks the rules forbid: a 2xx or 3xx for it is a failure, naming this. */
  mustRefuse?: string;
}

export type PathValue = { ref: WorldRef } | { raw: string };

/** Where the real row for a path parameter comes from, by the segment before it and its name. */
const PATH_PARAM_SOURCES: Record<string, WorldRef> = {
  'venues/id': 'venueId',
  'events/id': 'eventId',
  'campaigns/id': 'campaignId',
  'access-tasks/id': 'accessTaskId',
  'access-tasks/taskId': 'accessTaskId',
  'attendance/registrationId': 'registrationId',
  'check-in/registrationId': 'registrationId',
  'registrations/token': 'manageToken',
  'manage/token': 'manageToken',
  'themes/id': 'themeId',
  'receipt/token': 'receiptToken',
  'testimonies/id': 'testimonyId',
  'casework/id': 'caseworkReferralId',
  'testimonies/receiptToken': 'receiptToken',
  'testimony-imports/id': 'testimonyImportId',
  'partners/id': 'pendingPartnerId',
  'users/id': 'partnerUserId',
  'password-links/token': 'passwordLinkToken',
  'password/token': 'passwordLinkToken',
  'cohosts/partnerId': 'cohostPartnerId',
  'cohost-requests/id': 'cohostRequestId',
  'site-texts/key': 'siteTextKey',
};

/**
 * The world row a path parameter names, or undefined when the suite does not know (then the
 * route has no generator, and the coverage test says so). `template` uses `{id}` or `:id`.
 */
export function pathParamSource(template: string, name: string): WorldRef | undefined {
  // Publishing needs a draft: the published event would only ever answer 409.
  if (name === 'id' && /\/events\/(\{id\}|:id)\/publish$/.test(template)) return 'draftEventId';
  if (name === 'id' && /\/campaigns\/(\{id\}|:id)\/publish$/.test(template)) return 'draftCampaignId';
  // Editing a user's name or role is for staff accounts: a partner user would only ever answer 400.
  if (name === 'id' && /\/users\/(\{id\}|:id)$/.test(template)) return 'staffUserId';
  const portal = portalPathParamSource(template, name);
  if (portal) return portal;
  const segments = template.split('/');
  const index = segments.findIndex((segment) => segment === `{${name}}` || segment === `:${name}`);
  if (index < 1) return undefined;
  return PATH_PARAM_SOURCES[`${segments[index - 1]}/${name}`];
}

/** Mostly the real row (so the request reaches the code behind the route), sometimes hostile. */
export function pathValueArbitrary(ref: WorldRef): fc.Arbitrary<PathValue> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant<PathValue>({ ref }) },
    { weight: 1, arbitrary: hostilePathSegment.map((raw): PathValue => ({ raw })) },
  );
}

/** Query parameters: the route's own (and a few it does not know) with hostile values, repeats allowed. */
export function queryArbitrary(names: readonly string[]): fc.Arbitrary<HostileRequest['query']> {
  const key = fc.oneof(
    { weight: 4, arbitrary: names.length > 0 ? fc.constantFrom(...names) : fc.constant('limit') },
    { weight: 1, arbitrary: fc.constantFrom('offset', 'limit', 'unknown', 'limit[]', '__proto__') },
  );
  return fc.array(fc.record({ key, value: hostileQueryValue }), { maxLength: 4 });
}

/** The path and query string for a request in a world, as sent on the wire. */
export function urlFor(template: string, request: HostileRequest, world: HostileWorld): string {
  const path = template.replace(/\{(\w+)\}|:(\w+)/g, (whole, braced: string, colon: string) => {
    const value = request.path[braced ?? colon];
    if (!value) return whole;
    return 'ref' in value ? encodeURIComponent(worldValue(world, value.ref)) : value.raw;
  });
  const query = request.query
    .map(({ key, value }) => `${percentEncode(key)}=${value.raw ? value.value : percentEncode(value.value)}`)
    .join('&');
  return query ? `${path}?${query}` : path;
}

/** A generated body with the world's ids and times in place of its placeholders. */
export function bodyFor(request: HostileRequest, world: HostileWorld): unknown {
  return resolvePlaceholders(request.body, world);
}

/** Field names whose text ends up in an email's headers (a display name, an address). */
const HEADER_FIELDS = /^(name|email|contactName|contactEmail)$/;

/** Fields that are not free text: markup there is refused by its format, which proves nothing. */
const NOT_FREE_TEXT = /^(email|password|partnerId|onlineUrl|postcode|_csrf)$|Id$|Ids$|At$|^date-|Time$/;

/**
 * `base` with every free-text string (however deep, in lists of contacts too) replaced through
 * `replace`, which is given the field's name.
 */
export function mapTextFields(
  value: unknown,
  replace: (field: string, text: string) => string | undefined,
  field = '',
): unknown {
  if (typeof value === 'string') return replace(field, value) ?? value;
  if (Array.isArray(value)) return value.map((item) => mapTextFields(item, replace, field));
  if (value !== null && typeof value === 'object' && !(value instanceof RawJson)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, mapTextFields(item, replace, key)]),
    );
  }
  return value;
}

/** Markup in every free-text field of an otherwise valid body, once per payload: stored-script attempts. */
export function markupVariants(base: unknown, enumFields: ReadonlySet<string>): unknown[] {
  return MARKUP_PAYLOADS.map((payload) =>
    mapTextFields(base, (field) =>
      NOT_FREE_TEXT.test(field) || enumFields.has(field) ? undefined : `Sam ${payload}`,
    ),
  );
}

/** A line break and a VEVENT of its own in every free-text field, once per injection. */
export function calendarInjectionVariants(base: unknown, enumFields: ReadonlySet<string>): unknown[] {
  return CALENDAR_INJECTIONS.map((injection) =>
    mapTextFields(base, (field) =>
      NOT_FREE_TEXT.test(field) || enumFields.has(field) ? undefined : injection,
    ),
  );
}

/** A line break and a header after every name and address of an otherwise valid body, once per injection. */
export function headerInjectionVariants(base: unknown): unknown[] {
  return HEADER_INJECTIONS.map((injection) => {
    const breakAndHeader = injection.slice(injection.search(/[\r\n]/));
    return mapTextFields(base, (field, text) =>
      HEADER_FIELDS.test(field) ? `${text}${breakAndHeader}` : undefined,
    );
  });
}

type LeafPath = Array<string | number>;

/** Every string, number and boolean inside a value, by its path, with the name of its field. */
function leaves(
  value: unknown,
  path: LeafPath = [],
  field = '',
): Array<{ path: LeafPath; field: string; value: unknown }> {
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, [...path, index], field));
  if (value !== null && typeof value === 'object' && !(value instanceof RawJson))
    return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key], key));
  return [{ path, field, value }];
}

/** A deep copy of `base` with the leaf at `path` replaced. */
function replaceAt(base: unknown, path: LeafPath, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(base))
    return base.map((item, index) => (index === head ? replaceAt(item, rest, replacement) : item));
  const copy = { ...(base as Record<string, unknown>) };
  copy[head as string] = replaceAt(copy[head as string], rest, replacement);
  return copy;
}

/** A known attack on one field, and why the rules must refuse it (undefined: accepting it may be fine). */
export interface KnownAttack {
  body: unknown;
  mustRefuse?: string;
}

/**
 * The attacks that broke the running system, each aimed at one field of an otherwise valid body
 * (so no other field's refusal hides it): NUL, control and bidi characters, whitespace alone,
 * line breaks into a calendar, wrong types, numbers out of range, years 0000 and 10000, JSON
 * nested 5,000 deep. Every route gets all of them, whatever the seed. Those issue 8's one rule
 * for input forbids (text that is not NFC-clean, strict types, bounded numbers and dates) must be
 * refused, not stored; `required` names the fields that whitespace alone leaves empty.
 */
export function knownAttacks(base: unknown, required: ReadonlySet<string>): KnownAttack[] {
  const attacks: KnownAttack[] = [];
  // JSON nested 5,000 deep in the first field (a field's type never matters for it).
  const [first] = leaves(base);
  if (first)
    attacks.push({
      body: replaceAt(base, first.path, new RawJson(deepJson(5_000, 'array'))),
      mustRefuse: `JSON nested 5,000 deep in ${first.field}`,
    });
  for (const leaf of leaves(base)) {
    const at = (replacement: unknown, mustRefuse?: string) =>
      attacks.push({
        body: replaceAt(base, leaf.path, replacement),
        mustRefuse: mustRefuse && `${mustRefuse} in ${leaf.field}`,
      });
    // A password is hashed, never shown or stored as text: any characters may be fine in it.
    const text = leaf.field !== 'password';
    if (typeof leaf.value === 'string') {
      at(`${leaf.value}\u0000`, text ? 'a NUL character' : undefined);
      at(
        `Sam\u0007\u001b[2J\u202e${leaf.value}`,
        text ? 'control characters and a bidi override' : undefined,
      );
      at('   ', required.has(leaf.field) ? 'whitespace alone' : undefined);
      at(CALENDAR_INJECTIONS[0]);
      at(42, 'a number where text belongs');
      if (/At$/.test(leaf.field)) {
        at('10000-01-01T10:00:00Z', 'the year 10000');
        at('0000-01-01T10:00:00Z', 'the year 0000');
      }
    } else if (typeof leaf.value === 'number') {
      at(true, 'true where a number belongs');
      at(-1);
      at(1.5);
      at(new RawJson('1e400'), '1e400 (Infinity)');
    }
  }
  // A start and an end in the same far year, so "ends before it starts" cannot hide the year.
  const record = base as Record<string, unknown>;
  if (typeof record?.startsAt === 'string' && typeof record.endsAt === 'string') {
    for (const year of ['10000', '+010000', '0000'])
      attacks.push({
        body: { ...record, startsAt: `${year}-06-01T10:00:00Z`, endsAt: `${year}-06-01T12:00:00Z` },
        mustRefuse: `an event in the year ${year}`,
      });
  }
  return attacks;
}

/** A request's path values as a failure report shows them: `id=<a real eventId> day="…"`. */
export function describePath(path: HostileRequest['path']): string {
  return Object.entries(path)
    .map(([name, value]) => `${name}=${'ref' in value ? `<a real ${value.ref}>` : describeValue(value.raw)}`)
    .join(' ');
}

/** Shortens long strings and shows invisible characters, so a failure's input can be read. */
export function describeValue(value: unknown): string {
  const readable = (item: unknown): unknown => {
    if (item instanceof RawJson) return `RawJson(${shorten(item.text)})`;
    if (typeof item === 'string') return shorten(item);
    if (Array.isArray(item)) {
      const shown = item.slice(0, 5).map(readable);
      return item.length > 5 ? [...shown, `…(${item.length} items)`] : shown;
    }
    if (item !== null && typeof item === 'object')
      return Object.fromEntries(Object.entries(item).map(([key, inner]) => [key, readable(inner)]));
    return item;
  };
  return value === undefined ? 'no body' : JSON.stringify(readable(value));
}

function shorten(text: string): string {
  if (text.length <= 120) return text;
  return `${text.slice(0, 60)}…(${text.length} characters)…${text.slice(-20)}`;
}
