import { EventEntity, Venue } from '@roundtable/events';
import {
  Notification,
  type DueNotification,
  type NotificationKind,
  type NotificationPayload,
  type PlannedNotification,
} from '@roundtable/notifications';
import { validateEnv } from '@roundtable/platform';
import { ManageLinkKeys, Registration, type RegistrationStatus } from '@roundtable/registrations';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { NotificationTestBed } from './notification-test-bed';

/** Rows for the notification tests, written straight to the tables the worker reads. */

let venues = 0;

/** A venue of its own for each event, so no two seeded events clash. */
export async function seedVenue(dataSource: DataSource): Promise<Venue> {
  venues += 1;
  return dataSource.getRepository(Venue).save({
    name: `Halesowen Library ${venues}`,
    address: 'Queensway, Halesowen',
    postcode: 'B63 4AZ',
    area: 'halesowen-north',
    capacity: 40,
    accessFeatures: ['step_free_access', 'hearing_loop'],
  });
}

/** A published event at a venue of its own, ten days ahead; loaded back with its venue. */
export async function seedEvent(
  dataSource: DataSource,
  overrides: Partial<EventEntity> = {},
): Promise<EventEntity> {
  const venue = await seedVenue(dataSource);
  const startsAt = new Date(Date.now() + 10 * 86_400_000);
  startsAt.setUTCHours(9, 0, 0, 0);
  const events = dataSource.getRepository(EventEntity);
  const saved = await events.save({
    title: 'Waiting for an EHC plan: a listening event',
    kind: 'listening_event' as const,
    description: 'Tell us what the wait has been like for your family.',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
    venueId: venue.id,
    onlineUrl: null,
    capacity: 40,
    status: 'published' as const,
    publishedAt: new Date(),
    ...overrides,
  });
  return events.findOneOrFail({ where: { id: saved.id }, relations: { venue: true } });
}

export interface SeededRegistration {
  registration: Registration;
  /** The private-link token, derived as the worker derives it; the row holds its seed and hash. */
  manageToken: string;
}

/** The keys of this test file's environment (LINK_KEYS, set by the test bed). */
function linkKeys(): ManageLinkKeys {
  return new ManageLinkKeys(validateEnv(process.env).LINK_KEYS);
}

export async function seedRegistration(
  dataSource: DataSource,
  event: EventEntity,
  status: RegistrationStatus = 'confirmed',
  overrides: Partial<Registration> = {},
): Promise<SeededRegistration> {
  const keys = linkKeys();
  const seed = keys.newSeed();
  const manageToken = keys.tokenFor(seed);
  const tag = randomBytes(3).toString('hex');
  const registration = await dataSource.getRepository(Registration).save({
    eventId: event.id,
    email: `carer-${tag}@example.org`,
    name: `Sam Carer-${tag}`,
    status,
    accessNeeds: [],
    ...seed,
    ...overrides,
  });
  return { registration, manageToken };
}

/** One ledger row as a planner would write it; due now unless sendAt says otherwise. */
export function plannedFor(
  kind: NotificationKind,
  event: EventEntity,
  registration: Registration,
  options: { payload?: NotificationPayload; sendAt?: Date; eventSequence?: number } = {},
): PlannedNotification {
  const eventSequence = options.eventSequence ?? event.sequence;
  return {
    kind,
    eventId: event.id,
    eventSequence,
    registrationId: registration.id,
    recipientEmail: registration.email ?? '',
    sendAt: options.sendAt ?? new Date(),
    idempotencyKey: `${kind}:${registration.id}:${eventSequence}:${randomBytes(4).toString('hex')}`,
    payload: options.payload,
  };
}

/**
 * Writes the rows in a transaction, as a service would, then (unless told not to, to imitate a
 * crash or a Redis that lost them between commit and enqueue) enqueues them after the commit.
 */
export async function plan(
  bed: NotificationTestBed,
  rows: PlannedNotification[],
  options: { enqueue?: boolean } = {},
): Promise<DueNotification[]> {
  const due = await bed.dataSource.transaction((manager) => bed.ledger.plan(manager, rows));
  if (options.enqueue ?? true) await bed.outbox.enqueue(due);
  return due;
}

export function ledgerRow(bed: NotificationTestBed, id: string): Promise<Notification> {
  return bed.dataSource.getRepository(Notification).findOneByOrFail({ id });
}

export async function ledgerRows(bed: NotificationTestBed, ids: string[]): Promise<Notification[]> {
  return Promise.all(ids.map((id) => ledgerRow(bed, id)));
}

/** True once every row has left pending and sending. */
export async function allSettled(bed: NotificationTestBed, ids: string[]): Promise<boolean> {
  const rows = await ledgerRows(bed, ids);
  return rows.every((row) => row.status !== 'pending' && row.status !== 'sending');
}
