import { Campaign } from '@roundtable/campaigns';
import { AccessTask } from '@roundtable/registrations';
import { validateEnv } from '@roundtable/platform';
import { FieldCipher, ReceiptLinkKeys, TestimonyWriter, Theme } from '@roundtable/testimony';
import { seedSurveyImport } from './hostile-survey-import';
import { seedHostilePartnerWorld, type HostilePartnerWorld } from './hostile-partner-world';
import { seedCohostWorld, type HostileCohostWorld } from './hostile-cohost-world';
import { seedPortalWorld, type HostilePortalWorld } from './hostile-portal-world';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { seedEvent, seedRegistration } from '../notification-seed';
import { seedCaseworkReferral, seedTestimony as seedReviewTestimony } from '../testimony-for-review';
import { timed } from './profile';
import { changesSince, installChangeLog, tableFingerprint, type TableFingerprint } from './table-fingerprint';

/**
 * Real rows for one hostile request to aim at: a venue, a published event at it, a confirmed
 * registration (with its private link) that asked for an interpreter and so has an access task,
 * and an invited person who has not answered. Made fresh after every run that changed a table
 * (see WorldSupply), so a run that cancels the event or the registration does not blunt the next.
 */
export interface HostileWorld extends HostilePartnerWorld, HostileCohostWorld, HostilePortalWorld {
  venueId: string;
  eventId: string;
  /** A draft event at a venue of its own, for the routes that publish. */
  draftEventId: string;
  /** A published campaign the event belongs to, and a draft one for the route that publishes. */
  campaignId: string;
  draftCampaignId: string;
  registrationId: string;
  accessTaskId: string;
  /** The confirmed registration's private-link token. */
  manageToken: string;
  /** The invited (not yet answered) registration's private-link token. */
  invitedToken: string;
  /** A free two hours at the world's venue, 20 days ahead, for a new or moved event. */
  startsAt: string;
  endsAt: string;
  /** The same day as the web form's date boxes take it (the London date; 10:00 is the form's time). */
  startDay: string;
  startMonth: string;
  startYear: string;
  /** An address no row uses yet, for a new registration, invitation or user. */
  uniqueEmail: string;
  /** A theme name no theme has yet: names are unique, so creating or renaming to one fixed name works once. */
  uniqueThemeName: string;
  /** An active theme, and another for it to be merged into. */
  themeId: string;
  intoThemeId: string;
  /** The active theme's slug, as the testimony form and API name themes. */
  themeSlug: string;
  /** A testimony from the event's registration (quotable, so a valid review change is accepted), and its casework referral. */
  testimonyId: string;
  caseworkReferralId: string;
  /** The receipt-link token of a testimony written to the world's event. */
  receiptToken: string;
  /** A survey export uploaded and mapped, not yet committed. */
  testimonyImportId: string;
  /** A site text's key (the privacy notice), for the routes that change or reset one. */
  siteTextKey: string;
  /** An organiser's account, for the admins' staff account pages (change, deactivate, reactivate). */
  staffUserId: string;
}

/**
 * A staff account the sign-in routes' valid bodies use, so a valid sign-in succeeds; hostile
 * passwords count against it, not against the admin the suite works as.
 */
export const HOSTILE_LOGIN_USER = {
  email: 'hostile-login@roundtable.test',
  password: 'hostile-login-password-1',
};

/** What a placeholder in a generated body or path may name: `{{eventId}}` and so on. */
export type WorldRef = keyof HostileWorld;

/**
 * A world to aim at. `needs` names the values the request will use (all, when not given): the
 * LAZY_PARTS no request needs are not seeded, and hold NOT_SEEDED until topUpWorld seeds them.
 */
export async function seedHostileWorld(
  dataSource: DataSource,
  needs?: ReadonlySet<WorldRef>,
): Promise<HostileWorld> {
  const event = await seedEvent(dataSource);
  const { registration, manageToken } = await seedRegistration(dataSource, event, 'confirmed', {
    role: 'parent_carer',
    accessNeeds: ['bsl_interpreter'],
  });
  const invited = await seedRegistration(dataSource, event, 'invited');
  const draft = await seedEvent(dataSource, { status: 'draft', publishedAt: null });
  const task = await dataSource.getRepository(AccessTask).save({
    eventId: event.id,
    draftEventId: draft.id,
    registrationId: registration.id,
    need: 'bsl_interpreter',
    status: 'open' as const,
    dueAt: new Date(event.startsAt.getTime() - 7 * 86_400_000),
  });
  const campaigns = dataSource.getRepository(Campaign);
  const campaignFields = {
    title: 'Waiting for an EHC plan',
    summary: 'What waiting does to families.',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    evidenceUse: 'Sent, anonymised, to the council.',
  };
  const campaign = await campaigns.save(campaigns.create({ ...campaignFields, status: 'published' }));
  const draftCampaign = await campaigns.save(campaigns.create({ ...campaignFields, status: 'draft' }));
  await dataSource.query('UPDATE "events" SET "campaign_id" = $1 WHERE "id" = $2', [campaign.id, event.id]);
  const start = new Date(event.startsAt.getTime() + 10 * 86_400_000);
  const world: HostileWorld = {
    venueId: event.venueId!,
    eventId: event.id,
    draftEventId: draft.id,
    campaignId: campaign.id,
    draftCampaignId: draftCampaign.id,
    registrationId: registration.id,
    accessTaskId: task.id,
    manageToken,
    invitedToken: invited.manageToken,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
    // 09:00 UTC is 09:00 or 10:00 in London: the same day either way.
    startDay: String(start.getUTCDate()),
    startMonth: String(start.getUTCMonth() + 1),
    startYear: String(start.getUTCFullYear()),
    uniqueEmail: `hostile-${randomBytes(5).toString('hex')}@example.org`,
    uniqueThemeName: `Hostile theme ${randomBytes(5).toString('hex')}`,
    ...notSeeded(),
    ...(await seedHostilePartnerWorld(dataSource)),
    ...(await seedCohostWorld(dataSource, event.id)),
    ...(await seedPortalWorld(dataSource)),
    siteTextKey: 'privacy',
    staffUserId: await seedWorldOrganiser(dataSource),
  };
  return topUpWorld(dataSource, world, needs);
}

/**
 * The world's own organiser, for the staff account routes. Earlier worlds' organisers are
 * deactivated first: every active admin and organiser is told of each partner registration and
 * co-host request, so with one more active organiser a world those alerts grew with every world
 * seeded (thousands of emails by the end of a run, most of the hostile suites' wait for mail).
 */
async function seedWorldOrganiser(dataSource: DataSource): Promise<string> {
  await dataSource.query(
    `UPDATE users SET deactivated_at = now() WHERE email LIKE 'hostile-staff-%' AND deactivated_at IS NULL`,
  );
  const [user]: Array<{ id: string }> = await dataSource.query(
    `INSERT INTO users (email, name, role) VALUES ($1, 'Dee Staff', 'organiser') RETURNING id`,
    [`hostile-staff-${randomBytes(5).toString('hex')}@example.org`],
  );
  return user!.id;
}

type LazyRef =
  | 'themeId'
  | 'intoThemeId'
  | 'themeSlug'
  | 'testimonyId'
  | 'caseworkReferralId'
  | 'receiptToken'
  | 'testimonyImportId';

/** What a world holds in place of a LAZY_PARTS value not seeded yet. */
export const NOT_SEEDED = '{{not seeded}}';

/**
 * World values that cost more than the rest of a world, seeded only for a request that names
 * them: testimonies (sealed, with receipts and casework) and a survey import are many rows each,
 * and every theme a world adds is one more the testimony form offers, validates and shows on
 * each post. `uses` names values of earlier parts a part's rows point at.
 */
const LAZY_PARTS: ReadonlyArray<{
  values: readonly LazyRef[];
  uses?: readonly WorldRef[];
  seed(dataSource: DataSource, world: HostileWorld): Promise<Partial<HostileWorld>>;
}> = [
  {
    values: ['themeId', 'intoThemeId', 'themeSlug'],
    async seed(dataSource) {
      const [theme, intoTheme] = await seedThemes(dataSource, 2);
      return { themeId: theme!.id, intoThemeId: intoTheme!.id, themeSlug: theme!.slug };
    },
  },
  {
    values: ['testimonyId', 'caseworkReferralId'],
    uses: ['themeId'],
    async seed(dataSource, world) {
      const testimonyId = await seedReviewTestimony(dataSource, {
        campaignId: world.campaignId,
        eventId: world.eventId,
        registrationId: world.registrationId,
        caseworkRequested: true,
        themeIds: [world.themeId],
      });
      return { testimonyId, caseworkReferralId: await seedCaseworkReferral(dataSource, testimonyId) };
    },
  },
  {
    values: ['receiptToken'],
    uses: ['themeId'],
    seed: async (dataSource, world) => ({
      receiptToken: await seedTestimony(dataSource, world.eventId, world.themeId),
    }),
  },
  {
    values: ['testimonyImportId'],
    seed: async (dataSource) => ({ testimonyImportId: await seedSurveyImport(dataSource) }),
  },
];

function notSeeded(): Record<LazyRef, string> {
  return Object.fromEntries(
    LAZY_PARTS.flatMap((part) => part.values.map((value) => [value, NOT_SEEDED])),
  ) as Record<LazyRef, string>;
}

/**
 * The world with every LAZY_PARTS value in `needs` (all, when not given) seeded, and the values
 * those point at; the parts it already holds are kept.
 */
export async function topUpWorld(
  dataSource: DataSource,
  world: HostileWorld,
  needs?: ReadonlySet<WorldRef>,
): Promise<HostileWorld> {
  const wanted = new Set<WorldRef>(needs ?? LAZY_PARTS.flatMap((part) => part.values));
  // Later parts use earlier ones: walking back adds what each wanted part points at first.
  for (const part of [...LAZY_PARTS].reverse())
    if (part.values.some((value) => wanted.has(value))) for (const used of part.uses ?? []) wanted.add(used);
  let topped = world;
  for (const part of LAZY_PARTS) {
    const missing = part.values.some((value) => wanted.has(value) && topped[value] === NOT_SEEDED);
    if (missing)
      topped = { ...topped, ...(await timed(`seed ${part.values[0]}`, () => part.seed(dataSource, topped))) };
  }
  return topped;
}

/** A named testimony (with casework) at the event, written as the intake writes one; its receipt token. */
async function seedTestimony(dataSource: DataSource, eventId: string, themeId: string): Promise<string> {
  const env = validateEnv(process.env);
  const links = new ReceiptLinkKeys(env.LINK_KEYS);
  const seed = links.newSeed();
  const writer = new TestimonyWriter(FieldCipher.fromConfiguredKeys(env.TESTIMONY_KEYS));
  await writer.insert(dataSource.manager, [
    {
      source: 'public',
      eventId,
      role: 'parent-carer',
      area: 'dudley',
      onBehalfOfYoungPerson: false,
      assessmentWaitWeeks: null,
      planWaitWeeks: null,
      deadline: null,
      tribunal: null,
      ageBand: null,
      schoolPhase: null,
      quoteConsent: 'count-only',
      contactConsent: true,
      shareWithAuthority: false,
      caseworkRequested: false,
      story: 'We waited a year for the plan.',
      name: 'Hostile Author',
      email: 'hostile-author@example.org',
      themeIds: [themeId],
      receiptNonce: seed.nonce,
      receiptKeyId: seed.keyId,
      receiptTokenHash: seed.tokenHash,
    },
  ]);
  return links.tokenFor(seed);
}

/** Active themes with names of their own, so a world's merge or retire never meets another's. */
async function seedThemes(dataSource: DataSource, count: number): Promise<Theme[]> {
  const themes = Array.from({ length: count }, () => {
    const tag = randomBytes(4).toString('hex');
    return { slug: `hostile-theme-${tag}`, name: `Hostile theme ${tag}`, status: 'active' as const };
  });
  return dataSource.getRepository(Theme).save(themes);
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** A string with each `{{name}}` in it replaced by the world's value. */
function resolveString(value: string, world: HostileWorld): string {
  return value.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(name in world)) throw new Error(`the suite has no world value for ${whole}`);
    return worldValue(world, name as WorldRef);
  });
}

/** One value of the world; a value left unseeded is the suite's mistake, said as such. */
export function worldValue(world: HostileWorld, ref: WorldRef): string {
  const value = world[ref];
  if (value === NOT_SEEDED)
    throw new Error(`the world's ${ref} was not seeded: WorldSupply.next's aim did not read it`);
  return value;
}

/**
 * The world values `aim` reads: it runs against a stand-in world that notes each value asked
 * for (by placeholder or by name) and answers a dummy.
 */
export function worldRefsOf(aim: (world: HostileWorld) => unknown): Set<WorldRef> {
  const read = new Set<WorldRef>();
  const note = (name: string | symbol): boolean => {
    if (typeof name === 'string') read.add(name as WorldRef);
    return true;
  };
  const standIn = new Proxy({} as HostileWorld, {
    has: (_target, name) => note(name),
    get: (_target, name) => (note(name) ? `world-${String(name)}` : undefined),
  });
  aim(standIn);
  return read;
}

/** A generated value with every placeholder replaced by the world's row ids and times. */
export function resolvePlaceholders(value: unknown, world: HostileWorld): unknown {
  if (typeof value === 'string') return resolveString(value, world);
  if (Array.isArray(value)) return value.map((item) => resolvePlaceholders(item, world));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // defineProperty, so a generated "__proto__" key stays a key rather than a prototype.
      Object.defineProperty(out, key, {
        value: resolvePlaceholders(item, world),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

export const placeholder = (ref: WorldRef): string => `{{${ref}}}`;

/**
 * Worlds for a run of requests, seeded afresh only when the last request changed a table: a
 * request (refused, or accepted but writing nothing, as a read) that left every table as it was
 * leaves the world as it was, so the next request reuses it (topped up with any LAZY_PARTS value
 * it needs that the world lacks). Whether a request wrote anything is read from the change log
 * table-fingerprint.ts keeps with triggers on every table (installed on first use), so it costs
 * the same however many rows the suite's worlds have written.
 */
export class WorldSupply {
  private world: HostileWorld | undefined;
  private changeLog: Promise<void> | undefined;

  constructor(private readonly dataSource: DataSource) {}

  /**
   * A world to aim at, what `aim` makes of it (the request's url, body or fields: the world
   * values it reads are the ones seeded), and where the tables stand before the request.
   */
  async next<T>(
    aim: (world: HostileWorld) => T,
  ): Promise<{ world: HostileWorld; aimed: T; before: TableFingerprint }> {
    await (this.changeLog ??= installChangeLog(this.dataSource));
    const needs = worldRefsOf(aim);
    const world = await timed('seed world', async () =>
      this.world ? topUpWorld(this.dataSource, this.world, needs) : seedHostileWorld(this.dataSource, needs),
    );
    this.world = world;
    const before = await timed('fingerprint before', () => tableFingerprint(this.dataSource));
    return { world, aimed: aim(world), before };
  }

  /** The world may have been changed some other way: the next request gets a new one. */
  spent(): void {
    this.world = undefined;
  }

  /**
   * After an answer with `status` to a request aimed at a world whose tables were `before`: the
   * world is spent if any table changed (or the answer was a server error, whose effect is not
   * known). The tables a refusal (4xx) changed, which it must not have; none for any other answer.
   */
  async afterAnswer(status: number, before: TableFingerprint): Promise<string[]> {
    if (status >= 500) {
      this.spent();
      return [];
    }
    const changed = await timed('fingerprint after', () => changesSince(this.dataSource, before));
    if (changed.length > 0) this.spent();
    return status >= 400 ? changed : [];
  }
}
