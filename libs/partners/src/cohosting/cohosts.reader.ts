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

  /** Just the names, as messages and calendar invites say them. */
  async namesFor(eventId: string, manager?: EntityManager): Promise<string[]> {
    return (await this.forEvent(eventId, manager)).map((cohost) => cohost.name);
  }
}
