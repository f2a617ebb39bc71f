import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CohostView } from './cohost.view';

/**
 * Who co-hosts which events, by name: what event pages, JSON, emails and invites show. Read-only,
 * so the public views and the worker can use it without the co-hosting rules. Names are sorted,
 * so every message and page lists them the same way.
 */
@Injectable()
export class CohostsReader {
  constructor(private readonly dataSource: DataSource) {}

  async forEvent(eventId: string, manager?: EntityManager): Promise<CohostView[]> {
    return (await this.forEvents([eventId], manager)).get(eventId) ?? [];
  }

  /** Each event's co-hosts; an event with none is absent from the map. One query for them all. */
  async forEvents(eventIds: readonly string[], manager?: EntityManager): Promise<Map<string, CohostView[]>> {
    const byEvent = new Map<string, CohostView[]>();
    if (eventIds.length === 0) return byEvent;
    const rows: Array<{ event_id: string; id: string; name: string }> = await (
      manager ?? this.dataSource.manager
    ).query(
      `SELECT c.event_id, p.id, p.name
         FROM event_cohosts c JOIN partners p ON p.id = c.partner_id
        WHERE c.event_id = ANY($1::uuid[])
        ORDER BY p.name, p.id`,
      [eventIds],
    );
    for (const row of rows) {
      byEvent.set(row.event_id, [...(byEvent.get(row.event_id) ?? []), { id: row.id, name: row.name }]);
    }
    return byEvent;
  }

  /** Every approved partner organisation, by name: the ones staff may add as co-hosts. */
  approvedPartners(): Promise<CohostView[]> {
    return this.dataSource.query(`SELECT id, name FROM partners WHERE status = 'approved' ORDER BY name, id`);
  }

  /**
   * Published events still to come that the partner does not co-host, soonest first, each with
   * whether it has a request waiting: what a partner may ask to co-host (at most 200).
   */
  async openToPartner(
    partnerId: string,
    now: Date,
  ): Promise<Array<{ id: string; title: string; startsAt: Date; endsAt: Date; requested: boolean }>> {
    const rows: Array<{ id: string; title: string; starts_at: Date; ends_at: Date; requested: boolean }> =
      await this.dataSource.query(
        `SELECT e.id, e.title, e.starts_at, e.ends_at,
                EXISTS (SELECT 1 FROM cohost_requests r
                         WHERE r.event_id = e.id AND r.partner_id = $1 AND r.status = 'pending') AS requested
           FROM events e
          WHERE e.status = 'published' AND e.starts_at > $2
            AND NOT EXISTS (SELECT 1 FROM event_cohosts c WHERE c.event_id = e.id AND c.partner_id = $1)
          ORDER BY e.starts_at, e.id
          LIMIT 200`,
        [partnerId, now],
      );
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      requested: row.requested,
    }));
  }

  /** Just the names, as messages and calendar invites say them. */
  async namesFor(eventId: string, manager?: EntityManager): Promise<string[]> {
    return (await this.forEvent(eventId, manager)).map((cohost) => cohost.name);
  }
}
