import { Injectable } from '@nestjs/common';
import type { EventEntity, Venue } from '@roundtable/events';
import { addressHash, type Registration } from '@roundtable/registrations';
import { DataSource } from 'typeorm';

/** The event as a message to someone registered reads it: what it shows and what decides currency. */
export type MessageEvent = Pick<
  EventEntity,
  | 'id'
  | 'title'
  | 'description'
  | 'startsAt'
  | 'endsAt'
  | 'status'
  | 'sequence'
  | 'venueId'
  | 'onlineUrl'
  | 'cancelReason'
> & { venue: Pick<Venue, 'name' | 'address' | 'postcode' | 'accessFeatures'> | null };

/** The registration as its message reads it (its link seed, for the manage link, included). */
export type MessageRegistration = Pick<
  Registration,
  | 'id'
  | 'eventId'
  | 'name'
  | 'status'
  | 'attendance'
  | 'accessNeeds'
  | 'calendarRevision'
  | 'invitedByPartnerId'
  | 'linkNonce'
  | 'linkKeyId'
>;

/** Everything a message to someone registered needs to know, as it is now. */
export interface RegistrationMessageFacts {
  registration: MessageRegistration;
  event: MessageEvent;
  /** The event's co-hosts by name, sorted as CohostsReader sorts them. */
  cohosts: string[];
  /** The co-hosting partner whose user invited them, by name; null when staff did. */
  invitedBy: string | null;
  /** Whether `unsubscribedAddress` (when asked about) is on the unsubscribe list. */
  unsubscribed: boolean;
}

interface FactsRow {
  id: string;
  event_id: string;
  name: string;
  status: Registration['status'];
  attendance: Registration['attendance'];
  access_needs: string[];
  calendar_revision: number;
  invited_by_partner_id: string | null;
  link_nonce: string | null;
  link_key_id: string | null;
  e_title: string;
  e_description: string;
  e_starts_at: Date;
  e_ends_at: Date;
  e_status: EventEntity['status'];
  e_sequence: number;
  e_venue_id: string | null;
  e_online_url: string | null;
  e_cancel_reason: string | null;
  v_name: string | null;
  v_address: string | null;
  v_postcode: string | null;
  v_access_features: string[] | null;
  cohosts: string[];
  invited_by: string | null;
  unsubscribed: boolean;
}

/**
 * Reads, in one statement, what a message to someone registered needs: their registration, its
 * event and venue, the event's co-hosts, the partner that invited them and (for invitations)
 * whether their address unsubscribed. That was three or four round trips for every message (the
 * join through the query builder, with entity hydration, then each look-up on its own). Nothing
 * here is cached: every message sees the event, the venue, the co-hosts and the partner as they
 * are when it is sent. The tables are read by name: the worker's messages do not depend on the
 * partners library's rules.
 */
@Injectable()
export class RegistrationMessageReader {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The registration and what its message needs; null when the registration no longer exists
   * (erased). `unsubscribedAddress` is looked up on the unsubscribe list only when given.
   */
  async read(
    registrationId: string,
    unsubscribedAddress: string | null,
  ): Promise<RegistrationMessageFacts | null> {
    const rows: FactsRow[] = await this.dataSource.query(
      `SELECT r.id, r.event_id, r.name, r.status, r.attendance, r.access_needs, r.calendar_revision,
              r.invited_by_partner_id, r.link_nonce, r.link_key_id,
              e.title AS e_title, e.description AS e_description, e.starts_at AS e_starts_at,
              e.ends_at AS e_ends_at, e.status AS e_status, e.sequence AS e_sequence,
              e.venue_id AS e_venue_id, e.online_url AS e_online_url,
              e.cancel_reason AS e_cancel_reason,
              v.name AS v_name, v.address AS v_address, v.postcode AS v_postcode,
              v.access_features AS v_access_features,
              ARRAY(SELECT p.name FROM event_cohosts c JOIN partners p ON p.id = c.partner_id
                     WHERE c.event_id = e.id ORDER BY p.name, p.id) AS cohosts,
              (SELECT p.name FROM partners p WHERE p.id = r.invited_by_partner_id) AS invited_by,
              ($2::text IS NOT NULL
                 AND EXISTS (SELECT 1 FROM invitation_suppressions s WHERE s.address_hash = $2)) AS unsubscribed
         FROM registrations r
         JOIN events e ON e.id = r.event_id
         LEFT JOIN venues v ON v.id = e.venue_id
        WHERE r.id = $1`,
      [registrationId, unsubscribedAddress === null ? null : addressHash(unsubscribedAddress)],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      registration: {
        id: row.id,
        eventId: row.event_id,
        name: row.name,
        status: row.status,
        attendance: row.attendance,
        accessNeeds: row.access_needs,
        calendarRevision: row.calendar_revision,
        invitedByPartnerId: row.invited_by_partner_id,
        linkNonce: row.link_nonce,
        linkKeyId: row.link_key_id,
      },
      event: {
        id: row.event_id,
        title: row.e_title,
        description: row.e_description,
        startsAt: row.e_starts_at,
        endsAt: row.e_ends_at,
        status: row.e_status,
        sequence: row.e_sequence,
        venueId: row.e_venue_id,
        onlineUrl: row.e_online_url,
        cancelReason: row.e_cancel_reason,
        venue:
          row.e_venue_id && row.v_name !== null
            ? {
                name: row.v_name,
                address: row.v_address ?? '',
                postcode: row.v_postcode ?? '',
                accessFeatures: row.v_access_features ?? [],
              }
            : null,
      },
      cohosts: row.cohosts,
      invitedBy: row.invited_by,
      unsubscribed: row.unsubscribed,
    };
  }
}
