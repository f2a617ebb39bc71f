import { Injectable } from '@nestjs/common';
import type { EventEntity, Venue } from '@roundtable/events';
import { addressHash, type Registration } from '@roundtable/registrations';
import { DataSource } from 'typeorm';
import type { ClaimJoin } from '@roundtable/notifications';

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

/** A facts row: every column carries the `rm_` prefix, so it can ride on the claim's row. */
interface FactsRow {
  rm_id: string | null;
  rm_event_id: string;
  rm_name: string;
  rm_status: Registration['status'];
  rm_attendance: Registration['attendance'];
  rm_access_needs: string[];
  rm_calendar_revision: number;
  rm_invited_by_partner_id: string | null;
  rm_link_nonce: string | null;
  rm_link_key_id: string | null;
  rm_e_title: string;
  rm_e_description: string;
  rm_e_starts_at: Date;
  rm_e_ends_at: Date;
  rm_e_status: EventEntity['status'];
  rm_e_sequence: number;
  rm_e_venue_id: string | null;
  rm_e_online_url: string | null;
  rm_e_cancel_reason: string | null;
  rm_v_name: string | null;
  rm_v_address: string | null;
  rm_v_postcode: string | null;
  rm_v_access_features: string[] | null;
  rm_cohosts: string[];
  rm_invited_by: string | null;
  /** Null when the claim could not tell (see claimJoin): ask read() instead. */
  rm_unsubscribed: boolean | null;
}

/**
 * The facts' columns over `rm_r` (the registration), `rm_e` (its event) and `rm_v` (the venue),
 * for read() and claimJoin() alike; `unsubscribed` is the SQL of that one column.
 */
function factsColumns(unsubscribed: string): string {
  return `rm_r.id AS rm_id, rm_r.event_id AS rm_event_id, rm_r.name AS rm_name, rm_r.status AS rm_status,
          rm_r.attendance AS rm_attendance, rm_r.access_needs AS rm_access_needs,
          rm_r.calendar_revision AS rm_calendar_revision,
          rm_r.invited_by_partner_id AS rm_invited_by_partner_id, rm_r.link_nonce AS rm_link_nonce,
          rm_r.link_key_id AS rm_link_key_id,
          rm_e.title AS rm_e_title, rm_e.description AS rm_e_description,
          rm_e.starts_at AS rm_e_starts_at, rm_e.ends_at AS rm_e_ends_at, rm_e.status AS rm_e_status,
          rm_e.sequence AS rm_e_sequence, rm_e.venue_id AS rm_e_venue_id,
          rm_e.online_url AS rm_e_online_url, rm_e.cancel_reason AS rm_e_cancel_reason,
          rm_v.name AS rm_v_name, rm_v.address AS rm_v_address, rm_v.postcode AS rm_v_postcode,
          rm_v.access_features AS rm_v_access_features,
          ARRAY(SELECT p.name FROM event_cohosts c JOIN partners p ON p.id = c.partner_id
                 WHERE c.event_id = rm_e.id ORDER BY p.name, p.id) AS rm_cohosts,
          (SELECT p.name FROM partners p WHERE p.id = rm_r.invited_by_partner_id) AS rm_invited_by,
          ${unsubscribed} AS rm_unsubscribed`;
}

/**
 * addressHash() in SQL, for an address of printable ASCII only (no spaces): there JavaScript's
 * trim() changes nothing and translate() lower-cases exactly as toLowerCase() does, in any
 * database locale (lower() follows the locale's rules). Any other address is left to addressHash.
 */
const ASCII_ADDRESS_HASH = `encode(sha256(convert_to(translate(claimed.recipient_email,
  'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), 'UTF8')), 'hex')`;

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
      `SELECT ${factsColumns(`($2::text IS NOT NULL
                 AND EXISTS (SELECT 1 FROM invitation_suppressions s WHERE s.address_hash = $2))`)}
         FROM registrations rm_r
         JOIN events rm_e ON rm_e.id = rm_r.event_id
         LEFT JOIN venues rm_v ON rm_v.id = rm_e.venue_id
        WHERE rm_r.id = $1`,
      [registrationId, unsubscribedAddress === null ? null : addressHash(unsubscribedAddress)],
    );
    return rows[0] ? factsFrom(rows[0]) : null;
  }

  /**
   * read() as a ClaimJoin, for rows of `kinds` (a registration's kinds): the claimed row arrives
   * with its registration's facts. For rows of `unsubscribeKinds` the unsubscribe list is looked
   * up too, when the address is one SQL can hash exactly as addressHash does; for any other it
   * reads null (unknown), and claimedFacts() says so.
   */
  claimJoin(kinds: readonly string[], unsubscribeKinds: readonly string[]): ClaimJoin {
    return (params) => {
      const ours = params.add(kinds);
      const unsubscribe = params.add(unsubscribeKinds);
      return {
        columns: factsColumns(`CASE
            WHEN NOT (claimed.kind = ANY(${unsubscribe}::text[])) THEN false
            WHEN claimed.recipient_email ~ '^[!-~]+$' THEN EXISTS (
              SELECT 1 FROM invitation_suppressions s WHERE s.address_hash = ${ASCII_ADDRESS_HASH})
          END`),
        joins: `LEFT JOIN registrations rm_r
                       ON rm_r.id = claimed.registration_id AND claimed.kind = ANY(${ours}::text[])
                LEFT JOIN events rm_e ON rm_e.id = rm_r.event_id
                LEFT JOIN venues rm_v ON rm_v.id = rm_e.venue_id`,
      };
    };
  }

  /**
   * The facts a claim read with claimJoin(); null when it read none (another kind, no
   * registration, an erased one) or could not say whether the address unsubscribed while the
   * kind asks: then read() is the way to them, as before.
   */
  claimedFacts(
    claimed: Readonly<Record<string, unknown>> | undefined,
    asksUnsubscribed: boolean,
  ): RegistrationMessageFacts | null {
    const row = claimed as Partial<FactsRow> | undefined;
    if (!row?.rm_id || row.rm_e_title === undefined) return null;
    if (asksUnsubscribed && typeof row.rm_unsubscribed !== 'boolean') return null;
    return factsFrom(row as FactsRow, asksUnsubscribed);
  }
}

function factsFrom(row: FactsRow, asksUnsubscribed = true): RegistrationMessageFacts {
  return {
    registration: {
      id: row.rm_id as string,
      eventId: row.rm_event_id,
      name: row.rm_name,
      status: row.rm_status,
      attendance: row.rm_attendance,
      accessNeeds: row.rm_access_needs,
      calendarRevision: row.rm_calendar_revision,
      invitedByPartnerId: row.rm_invited_by_partner_id,
      linkNonce: row.rm_link_nonce,
      linkKeyId: row.rm_link_key_id,
    },
    event: {
      id: row.rm_event_id,
      title: row.rm_e_title,
      description: row.rm_e_description,
      startsAt: row.rm_e_starts_at,
      endsAt: row.rm_e_ends_at,
      status: row.rm_e_status,
      sequence: row.rm_e_sequence,
      venueId: row.rm_e_venue_id,
      onlineUrl: row.rm_e_online_url,
      cancelReason: row.rm_e_cancel_reason,
      venue:
        row.rm_e_venue_id && row.rm_v_name !== null
          ? {
              name: row.rm_v_name,
              address: row.rm_v_address ?? '',
              postcode: row.rm_v_postcode ?? '',
              accessFeatures: row.rm_v_access_features ?? [],
            }
          : null,
    },
    cohosts: row.rm_cohosts,
    invitedBy: row.rm_invited_by,
    // A kind that does not ask is never held back by the list (read() is not asked either).
    unsubscribed: asksUnsubscribed ? row.rm_unsubscribed === true : false,
  };
}
