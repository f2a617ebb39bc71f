import { Injectable } from '@nestjs/common';
import { ACCESS_NEED_VALUES } from '@roundtable/registrations';
import { DataSource, EntityManager } from 'typeorm';
import { EventNotCohosted } from '../errors';

/** The registration statuses a partner sees counted (never who). */
export const COUNTED_STATUSES = [
  'confirmed',
  'waitlisted',
  'invited',
  'declined',
  'cancelled',
  'attended',
] as const;
export type CountedStatus = (typeof COUNTED_STATUSES)[number];

/** An event a partner co-hosts, as its portal shows it: counts only, no one's details. */
export interface PartnerEventSummary {
  id: string;
  title: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number | null;
  /** People by registration status; `waitlisted` is the waitlist's length. */
  counts: Record<CountedStatus, number>;
  /**
   * How many people ask for each access need, counting those with a place (confirmed) and those
   * on the waitlist, who may yet get one. Every need is listed, with 0 when no one asks.
   */
  accessNeedTotals: Record<string, number>;
}

interface SummaryRow {
  id: string;
  title: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number | null;
  counts: Record<string, number> | null;
  needs: Record<string, number> | null;
}

/**
 * The events a partner co-hosts, with their counts, in one aggregate query however many events
 * and registrations there are. Whether a partner co-hosts an event is asked here too: a partner
 * asking about any other event is told there is no such event (404).
 */
@Injectable()
export class PartnerEvents {
  constructor(private readonly dataSource: DataSource) {}

  /** Soonest first. */
  async list(partnerId: string): Promise<PartnerEventSummary[]> {
    return (await this.summaries(partnerId, null)).map(toSummary);
  }

  async get(partnerId: string, eventId: string): Promise<PartnerEventSummary> {
    const [row] = await this.summaries(partnerId, eventId);
    if (!row) throw new EventNotCohosted(eventId);
    return toSummary(row);
  }

  /** Throws EventNotCohosted unless the partner co-hosts the event. */
  async assertCohosts(partnerId: string, eventId: string, manager?: EntityManager): Promise<void> {
    const rows: unknown[] = await (manager ?? this.dataSource.manager).query(
      'SELECT 1 FROM event_cohosts WHERE partner_id = $1 AND event_id = $2',
      [partnerId, eventId],
    );
    if (rows.length === 0) throw new EventNotCohosted(eventId);
  }

  private summaries(partnerId: string, eventId: string | null): Promise<SummaryRow[]> {
    return this.dataSource.query(
      `WITH cohosted AS (
         SELECT event_id FROM event_cohosts
          WHERE partner_id = $1 AND ($2::uuid IS NULL OR event_id = $2::uuid)
       ),
       by_status AS (
         SELECT registration.event_id, jsonb_object_agg(registration.status, registration.people) AS counts
           FROM (SELECT event_id, status, COUNT(*)::int AS people
                   FROM registrations JOIN cohosted USING (event_id)
                  GROUP BY event_id, status) registration
          GROUP BY registration.event_id
       ),
       by_need AS (
         SELECT asked.event_id, jsonb_object_agg(asked.need, asked.people) AS needs
           FROM (SELECT event_id, need, COUNT(*)::int AS people
                   FROM registrations JOIN cohosted USING (event_id),
                        unnest(access_needs) AS need
                  WHERE status IN ('confirmed', 'waitlisted')
                  GROUP BY event_id, need) asked
          GROUP BY asked.event_id
       )
       SELECT event.id, event.title, event.status, event.starts_at AS "startsAt",
              event.ends_at AS "endsAt", event.capacity, by_status.counts, by_need.needs
         FROM events event
         JOIN cohosted ON cohosted.event_id = event.id
         LEFT JOIN by_status ON by_status.event_id = event.id
         LEFT JOIN by_need ON by_need.event_id = event.id
        ORDER BY event.starts_at, event.id`,
      [partnerId, eventId],
    );
  }
}

function toSummary(row: SummaryRow): PartnerEventSummary {
  const counts = Object.fromEntries(
    COUNTED_STATUSES.map((status) => [status, row.counts?.[status] ?? 0]),
  ) as Record<CountedStatus, number>;
  const accessNeedTotals = Object.fromEntries(
    ACCESS_NEED_VALUES.map((need) => [need, row.needs?.[need] ?? 0]),
  );
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    startsAt: new Date(row.startsAt),
    endsAt: new Date(row.endsAt),
    capacity: row.capacity,
    counts,
    accessNeedTotals,
  };
}
