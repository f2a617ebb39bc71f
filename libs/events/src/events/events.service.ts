import { Injectable } from '@nestjs/common';
import {
  assertNoProblems,
  Clock,
  formatLondonRange,
  InvalidInput,
  isExclusionViolation,
  ruleBroken,
  type Page,
  type RuleBroken,
} from '@roundtable/platform';
import { DataSource, EntityManager } from 'typeorm';
import type {
  CreateEventDto,
  ListEventsQueryDto,
  ListPublicEventsQueryDto,
  UpdateEventDto,
} from '../dto/event.dto';
import {
  CapacityBelowPlacesTaken,
  EventAlreadyCancelled,
  EventCancelledUnchangeable,
  EventNotDraft,
  EventNotFound,
  EventStartedBeforePublishing,
  needsAPlace,
  PublishedEventNotFound,
  unknownCampaign,
  unknownVenue,
  VenueClash,
} from '../errors';
import type { EventKind } from '../event-kinds';
import {
  DEFAULT_REMINDER_OFFSETS,
  reminderOffsetProblems,
  resolveCapacity,
  scheduleProblems,
  type TimeRange,
} from '../scheduling-rules';
import { VenuesRepository } from '../venues/venues.repository';
import { EventEntity } from './event.entity';
import { lockForChange } from './event-locks';
import { EventsRepository } from './events.repository';

export interface EventChange {
  event: EventEntity;
  /** True when a published event moved in time or place: everyone registered must be told. */
  rescheduled: boolean;
}

/**
 * What an update or cancel did, as seen inside its transaction: enough for another library to
 * plan the messages people must get, in the same transaction, without this one knowing of it.
 */
export interface EventTransition {
  /** The event as it was, with its venue loaded (where people thought it was). */
  before: EventEntity;
  /** The event as saved (its venue relation is not loaded; venueId says where it is). */
  after: EventEntity;
  /** A published event moved in time or place, so its sequence was raised. */
  rescheduled: boolean;
  /** The event was cancelled (its sequence raised if it had been published). */
  cancelled: boolean;
}

/**
 * Runs inside the change's transaction after the event is saved; throwing rolls the whole change
 * back. Use `manager` for every query.
 */
export type EventTransitionHook = (manager: EntityManager, transition: EventTransition) => Promise<void>;

/** The event's fields after a create or patch, before the rules are applied. */
interface Draft extends TimeRange {
  venueId: string | null;
  onlineUrl: string | null;
}

@Injectable()
export class EventsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventsRepository,
    private readonly venues: VenuesRepository,
    private readonly clock: Clock,
  ) {}

  async create(input: CreateEventDto, createdById: string | null): Promise<EventEntity> {
    const draft: Draft = {
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      venueId: input.venueId ?? null,
      onlineUrl: input.onlineUrl ?? null,
    };
    const reminderOffsets = input.reminderOffsets ?? [...DEFAULT_REMINDER_OFFSETS];
    this.assertValid([
      ...scheduleProblems(draft, this.clock.now()),
      ...reminderProblems(reminderOffsets),
      ...placeProblems(draft),
    ]);

    const id = await this.inTransaction(async (manager) => {
      const capacity = await this.bookVenue(manager, draft, input.capacity, undefined);
      const campaignId = await this.campaignOrFail(manager, input.campaignId);
      const event = await this.events.create(manager, {
        title: input.title.trim(),
        kind: input.kind as EventKind,
        description: input.description?.trim() ?? '',
        ...draft,
        capacity,
        reminderOffsets,
        status: 'draft',
        createdById,
        campaignId,
      });
      return event.id;
    });
    return this.get(id);
  }

  async update(id: string, patch: UpdateEventDto, afterSave?: EventTransitionHook): Promise<EventChange> {
    const rescheduled = await this.inTransaction(async (manager) => {
      const event = await this.lockOrFail(manager, id);
      if (event.status === 'cancelled') throw new EventCancelledUnchangeable();
      const before = afterSave ? await this.snapshot(manager, event) : undefined;

      const draft: Draft = {
        startsAt: patch.startsAt !== undefined ? new Date(patch.startsAt) : event.startsAt,
        endsAt: patch.endsAt !== undefined ? new Date(patch.endsAt) : event.endsAt,
        venueId: patch.venueId !== undefined ? patch.venueId : event.venueId,
        onlineUrl: patch.onlineUrl !== undefined ? patch.onlineUrl : event.onlineUrl,
      };
      const timeChanged = !sameTime(draft.startsAt, event.startsAt) || !sameTime(draft.endsAt, event.endsAt);
      const venueChanged = draft.venueId !== event.venueId;
      const placeChanged = venueChanged || draft.onlineUrl !== event.onlineUrl;
      this.assertValid([
        ...(timeChanged ? scheduleProblems(draft, this.clock.now()) : []),
        ...(patch.reminderOffsets ? reminderProblems(patch.reminderOffsets) : []),
        ...placeProblems(draft),
      ]);

      const requestedCapacity = patch.capacity !== undefined ? patch.capacity : event.capacity;
      const capacity =
        timeChanged || venueChanged || patch.capacity !== undefined
          ? await this.bookVenue(manager, draft, requestedCapacity ?? undefined, event.id)
          : event.capacity;

      if (capacity !== null && capacity < event.placesTaken) {
        throw new CapacityBelowPlacesTaken(capacity, event.placesTaken);
      }

      const campaignId =
        patch.campaignId !== undefined
          ? await this.campaignOrFail(manager, patch.campaignId)
          : event.campaignId;

      const moved = event.status === 'published' && (timeChanged || placeChanged);
      Object.assign(event, {
        ...draft,
        capacity,
        campaignId,
        ...(patch.title !== undefined && { title: patch.title.trim() }),
        ...(patch.kind !== undefined && { kind: patch.kind }),
        ...(patch.description !== undefined && { description: patch.description.trim() }),
        ...(patch.reminderOffsets !== undefined && { reminderOffsets: patch.reminderOffsets }),
        sequence: moved ? event.sequence + 1 : event.sequence,
      });
      // venueId alone says where the event is: the venue relation is not loaded here, and setting
      // it to null would make TypeORM clear venue_id (so a title change lost the venue).
      await this.events.save(manager, event);
      if (afterSave && before) {
        await afterSave(manager, { before, after: event, rescheduled: moved, cancelled: false });
      }
      return moved;
    });
    return { event: await this.get(id), rescheduled };
  }

  /**
   * A change to what people are told about the event that lives outside its own row (its
   * co-hosts), made by `work` with the event locked, in one transaction with the ledger rows.
   * When `work` says it changed something and the event is published, the sequence is raised (the
   * invites people hold must update) and `afterSave` plans the messages, as for a reschedule.
   * A cancelled event can no longer change.
   */
  async changeAround<T>(
    id: string,
    work: (manager: EntityManager, event: EventEntity) => Promise<{ changed: boolean; result: T }>,
    afterSave?: EventTransitionHook,
  ): Promise<T> {
    return this.inTransaction(async (manager) => {
      const event = await this.lockOrFail(manager, id);
      if (event.status === 'cancelled') throw new EventCancelledUnchangeable();
      const before = await this.snapshot(manager, event);
      const { changed, result } = await work(manager, event);
      if (changed && event.status === 'published') {
        event.sequence += 1;
        await this.events.save(manager, event);
        if (afterSave)
          await afterSave(manager, { before, after: event, rescheduled: true, cancelled: false });
      }
      return result;
    });
  }

  async publish(id: string): Promise<EventEntity> {
    await this.inTransaction(async (manager) => {
      const event = await this.lockOrFail(manager, id);
      if (event.status !== 'draft') throw new EventNotDraft(event.status);
      if (event.startsAt <= this.clock.now()) {
        throw new EventStartedBeforePublishing();
      }
      event.status = 'published';
      event.publishedAt = this.clock.now();
      await this.events.save(manager, event);
    });
    return this.get(id);
  }

  async cancel(id: string, reason: string, afterSave?: EventTransitionHook): Promise<EventEntity> {
    await this.inTransaction(async (manager) => {
      const event = await this.lockOrFail(manager, id);
      if (event.status === 'cancelled') throw new EventAlreadyCancelled();
      const before = afterSave ? await this.snapshot(manager, event) : undefined;
      // A cancellation is a change calendars must see; a draft was never in anyone's calendar.
      if (event.status === 'published') event.sequence += 1;
      event.status = 'cancelled';
      event.cancelReason = reason.trim();
      event.cancelledAt = this.clock.now();
      await this.events.save(manager, event);
      if (afterSave && before) {
        await afterSave(manager, { before, after: event, rescheduled: false, cancelled: true });
      }
    });
    return this.get(id);
  }

  async get(id: string): Promise<EventEntity> {
    const event = await this.events.findById(id);
    if (!event) throw new EventNotFound(id);
    return event;
  }

  async list(query: ListEventsQueryDto): Promise<Page<EventEntity>> {
    const [items, total] = await this.events.search({
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      area: query.area,
      kind: query.kind,
      statuses: query.status ? [query.status] : undefined,
      campaignId: query.campaignId,
      limit: query.limit,
      offset: query.offset,
    });
    return { items, total };
  }

  /** Published events that have not yet ended. */
  async listPublic(query: ListPublicEventsQueryDto): Promise<Page<EventEntity>> {
    const [items, total] = await this.events.search({
      from: this.clock.now(),
      area: query.area,
      kind: query.kind,
      statuses: ['published'],
      limit: query.limit,
      offset: query.offset,
    });
    return { items, total };
  }

  /** A campaign's published events that have not yet ended, soonest first (at most 200). */
  async listUpcomingInCampaign(campaignId: string): Promise<EventEntity[]> {
    const [items] = await this.events.search({
      from: this.clock.now(),
      campaignId,
      statuses: ['published'],
      limit: 200,
      offset: 0,
    });
    return items;
  }

  /**
   * A published event, or one cancelled after publishing (so people holding its link learn it
   * is off). Drafts do not exist as far as the public is concerned.
   */
  async getPublic(id: string): Promise<EventEntity> {
    const event = await this.events.findById(id);
    if (!event || event.publishedAt === null) throw new PublishedEventNotFound(id);
    return event;
  }

  /**
   * With the venue row locked: checks the venue exists, that the event fits, and that nothing
   * else is on there at the time. Returns the capacity to store.
   */
  private async bookVenue(
    manager: EntityManager,
    draft: Draft,
    requestedCapacity: number | null | undefined,
    eventId: string | undefined,
  ): Promise<number | null> {
    if (!draft.venueId) return requestedCapacity ?? null;
    const venue = await this.venues.lockForBooking(manager, draft.venueId);
    if (!venue) throw new InvalidInput([unknownVenue(draft.venueId)]);
    const capacity = resolveCapacity(requestedCapacity, venue.capacity);
    if (!capacity.ok) throw new InvalidInput([capacity.problem]);
    const clash = await this.events.findClashingAtVenue(manager, venue.id, draft, eventId);
    if (clash) {
      throw new VenueClash(venue.id, {
        venueName: venue.name,
        clashingEventId: clash.id,
        clashingTitle: clash.title,
        when: formatLondonRange(clash.startsAt, clash.endsAt),
      });
    }
    return capacity.capacity;
  }

  /** The campaign id to store: null unlinks; one that names no campaign is bad input. */
  private async campaignOrFail(
    manager: EntityManager,
    campaignId: string | null | undefined,
  ): Promise<string | null> {
    if (!campaignId) return null;
    if (!(await this.events.campaignExists(manager, campaignId))) {
      throw new InvalidInput([unknownCampaign(campaignId)]);
    }
    return campaignId;
  }

  /** A copy of the locked event as it is now, with its venue, before the change is applied. */
  private async snapshot(manager: EntityManager, event: EventEntity): Promise<EventEntity> {
    const venue = event.venueId ? await this.venues.findById(event.venueId, manager) : null;
    return Object.assign(new EventEntity(), event, {
      reminderOffsets: [...event.reminderOffsets],
      venue,
    });
  }

  private async lockOrFail(manager: EntityManager, id: string): Promise<EventEntity> {
    const event = await lockForChange(manager, id);
    if (!event) throw new EventNotFound(id);
    return event;
  }

  private assertValid(problems: RuleBroken[]): void {
    assertNoProblems(problems);
  }

  /** Runs a change in one transaction; the exclusion constraint is the last word on clashes. */
  private async inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isExclusionViolation(error)) throw new VenueClash(null);
      throw error;
    }
  }
}

function sameTime(a: Date, b: Date): boolean {
  return a.getTime() === b.getTime();
}

function placeProblems(draft: Draft): RuleBroken[] {
  return draft.venueId || draft.onlineUrl ? [] : [needsAPlace()];
}

function reminderProblems(offsets: readonly string[]): RuleBroken[] {
  return reminderOffsetProblems(offsets).map((message) =>
    ruleBroken('reminder-offset', message, 'reminderOffsets'),
  );
}
