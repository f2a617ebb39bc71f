import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { seedEvent } from './notification-seed';
import { pathParamSource } from './hostile/hostile-request';
import { seedHostileWorld, type HostileWorld } from './hostile/hostile-world';
import { changesSince, installChangeLog, tableFingerprint, type TableFingerprint } from './hostile/table-fingerprint';

/**
 * The authorisation matrix's vocabulary and world (apps/api/src/auth/authorisation-matrix.int-spec.ts):
 * who calls, what an answer counts as, and real rows for every path parameter.
 */

export const MATRIX_ROLES = ['anonymous', 'organiser', 'admin', 'partnerA', 'partnerB'] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

/**
 * What a caller gets: 'allowed' is past authorisation (any 2xx or 3xx, or a 400/409/410/422 that
 * judged the input or the row's state, which only an authorised caller reaches); otherwise the
 * refusal. Anything else observed (a 5xx, a 405, a 429) is written as its status and never matches.
 */
export type Outcome = 'allowed' | 401 | 403 | 404;
export type Row = Readonly<Record<MatrixRole, Outcome>>;

const ALLOWED_REFUSALS = new Set([400, 409, 410, 422]);

export function outcomeOf(status: number): Outcome | `${number}` {
  if ((status >= 200 && status < 400) || ALLOWED_REFUSALS.has(status)) return 'allowed';
  if (status === 401 || status === 403 || status === 404) return status;
  return `${status}`;
}

const row = (
  anonymous: Outcome,
  organiser: Outcome,
  admin: Outcome,
  partnerA: Outcome,
  partnerB: Outcome,
): Row => ({ anonymous, organiser, admin, partnerA, partnerB });

/** The kinds of route API.md describes, as rows of the table. */
export const ACCESS = {
  /** Anyone, signed in or not: public pages' data, private links, sign-in, health. */
  PUBLIC: row('allowed', 'allowed', 'allowed', 'allowed', 'allowed'),
  /** Any signed-in user. */
  SIGNED_IN: row(401, 'allowed', 'allowed', 'allowed', 'allowed'),
  /** Staff (admin, organiser); partners 403, including every testimony, casework, report and import route. */
  STAFF: row(401, 'allowed', 'allowed', 403, 403),
  /** Admins only. */
  ADMIN: row(401, 403, 'allowed', 403, 403),
  /** Partner users only, each about its own organisation; staff 403. */
  PARTNER: row(401, 403, 403, 'allowed', 'allowed'),
  /** A partner route about the event partner A co-hosts: partner B does not, so 404. */
  PARTNER_A_EVENT: row(401, 403, 403, 'allowed', 404),
  /** The same route about the event partner B co-hosts. */
  PARTNER_B_EVENT: row(401, 403, 403, 404, 'allowed'),
  /** A partner route about an event nobody co-hosts. */
  PARTNER_NO_EVENT: row(401, 403, 403, 404, 404),
  /** A staff route a co-host partner may also use, about the event partner A co-hosts. */
  STAFF_OR_COHOST_A: row(401, 'allowed', 'allowed', 'allowed', 404),
  /** The same staff-or-co-host route about an event nobody co-hosts. */
  STAFF_OR_NO_COHOST: row(401, 'allowed', 'allowed', 404, 404),
  /** Deactivating a staff user: admins only (organisers may deactivate partner users). */
  ADMIN_ON_STAFF: row(401, 403, 'allowed', 403, 403),
} as const satisfies Record<string, Row>;

/**
 * Real rows to aim every route at: the hostile suite's world (venue, published event, draft,
 * campaigns, registrations and their manage tokens, access task, themes, testimony, casework,
 * receipt token, survey import) with partner A co-hosting its event, plus what issue 11's routes name.
 */
export interface MatrixWorld extends HostileWorld {
  partnerAId: string;
  partnerBId: string;
  /** A published event partner B co-hosts (partner A does not). */
  eventBId: string;
  /** A published event nobody co-hosts. */
  uncohostedEventId: string;
  /** An organisation waiting for approval, for approve and reject. */
  pendingPartnerId: string;
  /** Partner B asking to co-host the world's event, waiting for staff. */
  cohostRequestId: string;
  /** A second user of partner A and an organiser, to deactivate (never a user the matrix signs in as). */
  partnerUserId: string;
  staffUserId: string;
  /** Well formed and unknown: the set-password route is reached with an empty body, so 400 first. */
  passwordLinkToken: string;
  /** A partner calendar feed's token: unknown unless a route's preparation made a real one. */
  feedToken: string;
}

export type MatrixRef = keyof MatrixWorld;

export interface MatrixPartners {
  partnerAId: string;
  partnerBId: string;
  /** The event partner B co-hosts, seeded once. */
  eventBId: string;
}

const tag = () => randomBytes(4).toString('hex');

/** A fresh world: seeded once for reads, and again (MatrixWorldSupply) once a call has changed the last. */
export async function seedMatrixWorld(
  dataSource: DataSource,
  partners: MatrixPartners,
): Promise<MatrixWorld> {
  const hostile = await seedHostileWorld(dataSource);
  const uncohosted = await seedEvent(dataSource);
  await dataSource.query('INSERT INTO event_cohosts (event_id, partner_id) VALUES ($1, $2)', [
    hostile.eventId,
    partners.partnerAId,
  ]);
  const [{ id: pendingPartnerId }] = await dataSource.query(
    `INSERT INTO partners (name, contact_name, contact_email, description, areas)
     VALUES ($1, 'Pat Pending', $2, 'Supports young carers', '{Halesowen}') RETURNING id`,
    [`Pending Charity ${tag()}`, `pending-${tag()}@partner.test`],
  );
  const [{ id: cohostRequestId }] = await dataSource.query(
    `INSERT INTO cohost_requests (event_id, partner_id, message) VALUES ($1, $2, 'We would like to co-host.') RETURNING id`,
    [hostile.eventId, partners.partnerBId],
  );
  const user = async (role: string, partnerId: string | null): Promise<string> => {
    const [{ id }] = await dataSource.query(
      `INSERT INTO users (email, name, role, partner_id) VALUES ($1, 'Dee Activate', $2, $3) RETURNING id`,
      [`deactivate-${tag()}@roundtable.test`, role, partnerId],
    );
    return id as string;
  };
  return {
    ...hostile,
    ...partners,
    uncohostedEventId: uncohosted.id,
    pendingPartnerId,
    cohostRequestId,
    partnerUserId: await user('partner', partners.partnerAId),
    staffUserId: await user('organiser', null),
    passwordLinkToken: `rtp_${randomBytes(32).toString('base64url')}`,
    feedToken: `rtf_${randomBytes(32).toString('base64url')}`,
  };
}

/**
 * Worlds for the calls that may change something, seeded afresh only once a call has changed a
 * table (or answered 5xx, whose effect is unknown): most calls are refused (401, 403, 404) or
 * judged on their empty body (400) and write nothing, so the next call meets tables exactly as a
 * fresh world would leave them, and seeding one per call was most of the matrix's time. What a
 * call wrote is read from the hostile suite's change log (table-fingerprint.ts: a trigger on
 * every table), the way its WorldSupply decides the same for hostile requests.
 */
export class MatrixWorldSupply {
  private world: MatrixWorld | undefined;
  private changeLog: Promise<void> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly partners: MatrixPartners,
  ) {}

  /** The current world, or a fresh one if the last call changed the last. */
  async next(): Promise<MatrixWorld> {
    await (this.changeLog ??= installChangeLog(this.dataSource));
    this.world ??= await seedMatrixWorld(this.dataSource, this.partners);
    return this.world;
  }

  /** Where the tables stand just before the call (after anything done to prepare it). */
  before(): Promise<TableFingerprint> {
    return tableFingerprint(this.dataSource);
  }

  /** After the call's answer: the world is spent if the call changed any table or failed. */
  async afterAnswer(status: number, before: TableFingerprint): Promise<void> {
    if (status >= 500 || (await changesSince(this.dataSource, before)).length > 0) this.world = undefined;
  }
}

/** Path parameters of issue 11's routes (the hostile suite's own map covers the rest). */
const MATRIX_PATH_SOURCES: Array<[RegExp, string, MatrixRef]> = [
  [/\/partners\/\{id\}\/(approve|reject)$/, 'id', 'pendingPartnerId'],
  [/\/partners\/\{id\}/, 'id', 'partnerAId'],
  [/\/users\/\{id\}/, 'id', 'partnerUserId'],
  [/\/cohost-requests\/\{id\}/, 'id', 'cohostRequestId'],
  [/\/cohosts\/\{partnerId\}/, 'partnerId', 'partnerAId'],
  [/\/password-links\/\{token\}/, 'token', 'passwordLinkToken'],
  [/\/partner-feeds\/\{token\}/, 'token', 'feedToken'],
  // The world's event, which partner A co-hosts (the hostile suite aims these at its own partner's).
  [/^\/api\/v1\/partner\/events\/\{id\}/, 'id', 'eventId'],
];

/** The world value a path parameter takes, or undefined when the matrix does not know it. */
export function matrixPathSource(template: string, name: string): MatrixRef | undefined {
  for (const [pattern, param, ref] of MATRIX_PATH_SOURCES)
    if (param === name && pattern.test(template)) return ref;
  return pathParamSource(template, name);
}

/** The path with each `{name}` replaced by the world's value (after `overrides`, which re-point refs). */
export function matrixPath(
  template: string,
  world: MatrixWorld,
  overrides: Partial<Record<MatrixRef, MatrixRef>> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const ref = matrixPathSource(template, name);
    if (!ref) throw new Error(`${template}: no world value for {${name}}: add it to MATRIX_PATH_SOURCES`);
    return encodeURIComponent(String(world[overrides[ref] ?? ref]));
  });
}

/** The table as markdown: route × role → observed, with what was expected where they differ. */
export function matrixMarkdown(
  rows: Array<{
    label: string;
    observed: Partial<Record<MatrixRole, string>>;
    expected?: Row;
    note?: string;
  }>,
): string {
  const header = `| route | ${MATRIX_ROLES.join(' | ')} |\n| --- | ${MATRIX_ROLES.map(() => '---').join(' | ')} |`;
  const lines = rows.map(({ label, observed, expected, note }) => {
    const cells = MATRIX_ROLES.map((role) => {
      const seen = observed[role];
      const wanted = expected?.[role];
      if (seen === undefined) return wanted === undefined ? '—' : `(${wanted})`;
      return wanted !== undefined && String(wanted) !== seen ? `**${seen}** (expected ${wanted})` : seen;
    });
    return `| ${label}${note ? ` (${note})` : ''} | ${cells.join(' | ')} |`;
  });
  return [header, ...lines].join('\n');
}
