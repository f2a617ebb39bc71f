import { Injectable } from '@nestjs/common';
import { readForBooking, type EventForBooking } from '@roundtable/events';
import { DataSource } from 'typeorm';

/** Events kept: a burst is for one event or a few; the oldest kept goes first. */
const KEPT = 200;

/**
 * The events public registrations were last planned against, kept from one request to the next
 * so that a booking is one round trip (book_registration) and not a read and then the booking.
 * A copy may be out of date at any moment: it is only ever booked against through
 * book_registration, which books only if the event's locked row still has the copy's
 * fingerprint, and answers 'moved' otherwise (then the copy is forgotten and read again). So a
 * copy saves a read; it never decides anything.
 */
@Injectable()
export class BookingEvents {
  private readonly kept = new Map<string, EventForBooking>();

  constructor(private readonly dataSource: DataSource) {}

  /** The kept copy, or the event read now (unlocked), kept; null if there is no such event. */
  async get(eventId: string): Promise<{ read: EventForBooking; kept: boolean } | null> {
    const kept = this.kept.get(eventId);
    if (kept) return { read: kept, kept: true };
    const read = await readForBooking(this.dataSource.manager, eventId);
    if (!read) return null;
    // Shared by every request that books against it until it is forgotten: none may change it.
    Object.freeze(read.event);
    if (this.kept.size >= KEPT) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(eventId, read);
    return { read, kept: false };
  }

  /** The copy was found out of date (or could not be booked against): the next get reads it. */
  forget(eventId: string): void {
    this.kept.delete(eventId);
  }
}
