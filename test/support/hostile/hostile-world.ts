import { Campaign } from '@roundtable/campaigns';
import { AccessTask } from '@roundtable/registrations';
import { validateEnv } from '@roundtable/platform';
import { FieldCipher, ReceiptLinkKeys, TestimonyWriter, Theme } from '@roundtable/testimony';
import { seedSurveyImport } from './hostile-survey-import';
import { seedPortalWorld, type HostilePortalWorld } from './hostile-portal-world';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { seedEvent, seedRegistration } from '../notification-seed';
import { seedCaseworkReferral, seedTestimony as seedReviewTestimony } from '../testimony-for-review';
import { changedTables, tableFingerprint, type TableFingerprint } from './table-fingerprint';

/**
 * Real rows for one hostile request to aim at: a venue, a published event at it, a confirmed
 * registration (with its private link) that asked for an interpreter and so has an access task,
 * and an invited person who has not answered. Made fresh for every run, so a run that cancels
 * the event or the registration does not blunt the next one.
 */
export interface HostileWorld extends HostilePortalWorld {
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

export async function seedHostileWorld(dataSource: DataSource): Promise<HostileWorld> {
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
  const [theme, intoTheme] = await seedThemes(dataSource, 2);
  const testimonyId = await seedReviewTestimony(dataSource, {
    campaignId: campaign.id,
    eventId: event.id,
    registrationId: registration.id,
    caseworkRequested: true,
    themeIds: [theme!.id],
  });
  const caseworkReferralId = await seedCaseworkReferral(dataSource, testimonyId);
  const receiptToken = await seedTestimony(dataSource, event.id, theme!.id);
  return {
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
    themeId: theme!.id,
    intoThemeId: intoTheme!.id,
    themeSlug: theme!.slug,
    testimonyId,
    caseworkReferralId,
    receiptToken,
    testimonyImportId: await seedSurveyImport(dataSource),
    ...(await seedPortalWorld(dataSource)),
  };
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
    return world[name as WorldRef];
  });
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
 * Worlds for a run of requests, seeded afresh only when the last request may have changed the
 * one in hand: a refused request that left every table as it was leaves the world as it was, so
 * the next request reuses it, and reuses the tables' fingerprint taken after the refusal.
 * Seeding and fingerprinting are most of a run's time; most hostile requests are refused.
 */
export class WorldSupply {
  private world: HostileWorld | undefined;
  private fingerprint: TableFingerprint | undefined;

  constructor(private readonly dataSource: DataSource) {}

  /** A world to aim at, and the tables' fingerprint before the request. */
  async next(): Promise<{ world: HostileWorld; before: TableFingerprint }> {
    if (!this.world) {
      this.world = await seedHostileWorld(this.dataSource);
      this.fingerprint = undefined;
    }
    const before = this.fingerprint ?? (await tableFingerprint(this.dataSource));
    return { world: this.world, before };
  }

  /** The request was refused and `after` (taken since) shows it changed nothing: keep the world. */
  unchanged(after: TableFingerprint): void {
    this.fingerprint = after;
  }

  /** The request was accepted (or its effect is unknown): the next one gets a new world. */
  spent(): void {
    this.world = undefined;
    this.fingerprint = undefined;
  }

  /**
   * After an answer with `status` to a request aimed at a world whose tables were `before`: the
   * world is spent, unless the answer was a refusal (4xx) that left every table as it was. The
   * tables a refusal changed, which it must not have; none for any other answer.
   */
  async afterAnswer(status: number, before: TableFingerprint): Promise<string[]> {
    this.spent();
    if (status < 400 || status >= 500) return [];
    const after = await tableFingerprint(this.dataSource);
    const changed = changedTables(before, after);
    if (changed.length === 0) this.unchanged(after);
    return changed;
  }
}
