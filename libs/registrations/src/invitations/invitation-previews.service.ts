import { Injectable } from '@nestjs/common';
import { EventEntity } from '@roundtable/events';
import { officeFromConfig } from '@roundtable/notifications';
import { AppConfig, Clock, InvalidInput, RedisService, ruleBroken } from '@roundtable/platform';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { InvitationPreviewGone } from '../errors';
import { RegistrationsRepository } from '../registrations/registrations.repository';
import { addressHash } from './address-hash';
import { invitableOrFail } from './invitable-event';
import { checkContacts, type Contact } from './invitation-contacts';
import { invitationSample, type InvitationSample } from './invitation-sample';
import { InvitationSuppressionsRepository } from './invitation-suppressions.repository';

/** What sending a list would do now, by person: every unique address lands in exactly one count. */
export interface InvitationPreviewCounts {
  /** New people: each would get an invitation. */
  toInvite: number;
  /** Already have a registration for this event (invited, registered, declined…): left alone. */
  alreadyInvited: number;
  /** On the unsubscribe list: left out. */
  unsubscribed: number;
  /** Entries repeating an address given earlier in the same list. */
  duplicates: number;
}

export interface InvitationPreview {
  counts: InvitationPreviewCounts;
  /** The email the first new person would get (the first person when no one is new). */
  sample: InvitationSample;
  /** The checked list: one per address, normalised, in the order given. */
  contacts: Contact[];
}

export interface PreviewOptions {
  /** The event's co-hosts by name, as the email lists them. */
  cohosts: readonly string[];
  /** The co-hosting partner whose user invites, by name; absent when the office does. */
  invitedBy?: string | null;
  /** Runs once the event is read, before anything else: a partner's co-hosting check. */
  withinTransaction?: (manager: EntityManager) => Promise<void>;
}

/** A preview kept for its confirmation: the list exactly as previewed, and whose it is. */
export interface KeptPreview {
  userId: string;
  eventId: string;
  contacts: Contact[];
  counts: InvitationPreviewCounts;
  sample: InvitationSample;
}

/** How long a preview waits for its confirmation: long enough to read it, short for personal data. */
export const PREVIEW_TTL_SECONDS = 30 * 60;
const PREVIEW_ID = /^[A-Za-z0-9_-]{32}$/;
const key = (id: string) => `invitation-preview:${id}`;

/**
 * "Before 10,000 emails go out": what an invitation list would do (how many are new, already
 * invited or registered, unsubscribed, repeated) and the email as it will look, without writing
 * anything. A page keeps the previewed list in Redis under a random id for PREVIEW_TTL_SECONDS,
 * bound to the user and the event, and its confirmation takes it (once) to send exactly that
 * list; the contacts are personal data, so they live no longer than that and are never logged.
 */
@Injectable()
export class InvitationPreviews {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registrations: RegistrationsRepository,
    private readonly suppressions: InvitationSuppressionsRepository,
    private readonly config: AppConfig,
    private readonly redis: RedisService,
    private readonly clock: Clock,
  ) {}

  /** Counts and a sample email for `input` (as the invitations route takes it). Writes nothing. */
  async preview(eventId: string, input: unknown, options: PreviewOptions): Promise<InvitationPreview> {
    const checked = checkContacts(input);
    if (checked.problems.length > 0) {
      throw new InvalidInput(
        checked.problems.map((message) => ruleBroken('invitation-list', message, 'contacts')),
      );
    }
    const { contacts } = checked;
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const event = await manager
        .getRepository(EventEntity)
        .findOne({ where: { id: eventId }, relations: { venue: true } });
      const now = this.clock.now();
      invitableOrFail(event, eventId, now);
      await options.withinTransaction?.(manager);
      const suppressed = await this.suppressions.suppressedAmong(
        manager,
        contacts.map((contact) => addressHash(contact.email)),
      );
      const invitable = contacts.filter((contact) => !suppressed.has(addressHash(contact.email)));
      const registered = await this.registrations.emailsRegisteredAmong(
        manager,
        eventId,
        invitable.map((contact) => contact.email),
      );
      const fresh = invitable.filter((contact) => !registered.has(contact.email));
      const sample = invitationSample(event!, fresh[0] ?? contacts[0], {
        office: officeFromConfig(this.config),
        publicUrl: this.config.get('PUBLIC_URL'),
        cohosts: options.cohosts,
        invitedBy: options.invitedBy ?? null,
        now,
      });
      const counts: InvitationPreviewCounts = {
        toInvite: fresh.length,
        alreadyInvited: invitable.length - fresh.length,
        unsubscribed: contacts.length - invitable.length,
        duplicates: checked.duplicates,
      };
      return { counts, sample, contacts };
    });
  }

  /** Keeps a preview for its confirmation; the id it answers is the only way to it. */
  async keep(userId: string, eventId: string, preview: InvitationPreview): Promise<string> {
    const id = randomBytes(24).toString('base64url');
    const kept: KeptPreview = { userId, eventId, ...preview };
    await this.redis.client.set(key(id), JSON.stringify(kept), 'EX', PREVIEW_TTL_SECONDS);
    return id;
  }

  /** The kept preview, left in place (to show its email); gone when expired, sent, or not theirs. */
  async peek(id: string, userId: string, eventId: string): Promise<KeptPreview> {
    if (!PREVIEW_ID.test(id)) throw new InvitationPreviewGone();
    return ownPreview(await this.redis.client.get(key(id)), userId, eventId);
  }

  /**
   * Takes the kept preview to send it: read and deleted in one step, so a second confirmation
   * (a double click, a second tab) finds it gone rather than sending twice.
   */
  async take(id: string, userId: string, eventId: string): Promise<KeptPreview> {
    if (!PREVIEW_ID.test(id)) throw new InvitationPreviewGone();
    const kept = ownPreview(await this.redis.client.get(key(id)), userId, eventId);
    if ((await this.redis.client.del(key(id))) !== 1) throw new InvitationPreviewGone();
    return kept;
  }
}

function ownPreview(stored: string | null, userId: string, eventId: string): KeptPreview {
  if (stored === null) throw new InvitationPreviewGone();
  const kept = JSON.parse(stored) as KeptPreview;
  // Someone else's preview, or another event's, is as good as gone: it says nothing about them.
  if (kept.userId !== userId || kept.eventId !== eventId) throw new InvitationPreviewGone();
  return kept;
}
