import { Injectable } from '@nestjs/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { Testimony } from '../testimonies/testimony.entity';
import { TestimonyNote } from '../testimonies/testimony-note.entity';
import { TestimonyTheme } from '../testimonies/testimony-theme.entity';
import { Theme } from '../themes/theme.entity';
import type { TestimonyFilters } from './list-testimonies-query.dto';
import type { TaggedTheme, TestimonySummary } from './testimony-summary';

/** The row the list reads: plain columns, the event's title and the registration's status. */
interface SummaryRow {
  id: string;
  submitted_at: Date;
  source: TestimonySummary['source'];
  role: TestimonySummary['role'];
  area: string | null;
  on_behalf_of_young_person: boolean;
  status: TestimonySummary['status'];
  quote_consent: TestimonySummary['quoteConsent'];
  contact_consent: boolean;
  share_with_authority: boolean;
  casework_requested: boolean;
  safeguarding_flag: TestimonySummary['safeguardingFlag'];
  has_redaction: boolean;
  quote_selected: boolean;
  campaign_id: string | null;
  event_id: string | null;
  event_title: string | null;
  attended_event: boolean;
}

/** Staff review's reads and writes of testimony. The list never selects a sealed column. */
@Injectable()
export class TestimonyReviewRepository {
  /** A page of summaries, newest first, and how many match. */
  async list(
    manager: EntityManager,
    filters: TestimonyFilters,
    page: { limit: number; offset: number },
  ): Promise<{ items: TestimonySummary[]; total: number }> {
    const matching = this.filtered(manager, filters);
    const total = await matching.clone().getCount();
    const rows = await matching
      .leftJoin('t.event', 'event')
      .leftJoin('t.registration', 'registration')
      .select([
        't.id AS id',
        't.submitted_at AS submitted_at',
        't.source AS source',
        't.role AS role',
        't.area AS area',
        't.on_behalf_of_young_person AS on_behalf_of_young_person',
        't.status AS status',
        't.quote_consent AS quote_consent',
        't.contact_consent AS contact_consent',
        't.share_with_authority AS share_with_authority',
        't.casework_requested AS casework_requested',
        't.safeguarding_flag AS safeguarding_flag',
        't.redacted_story IS NOT NULL AS has_redaction',
        't.quote_selected AS quote_selected',
        't.campaign_id AS campaign_id',
        'event.id AS event_id',
        'event.title AS event_title',
        "coalesce(registration.status = 'attended' AND registration.event_id = t.event_id, false) AS attended_event",
      ])
      .orderBy('t.submitted_at', 'DESC')
      .addOrderBy('t.id', 'ASC')
      .limit(page.limit)
      .offset(page.offset)
      .getRawMany<SummaryRow>();
    const themes = await this.themesOf(
      manager,
      rows.map((row) => row.id),
    );
    return { items: rows.map((row) => toSummary(row, themes.get(row.id) ?? [])), total };
  }

  /** One testimony with its event and registration, or null. */
  findOne(manager: EntityManager, id: string, options: { lock?: boolean } = {}): Promise<Testimony | null> {
    const query = manager.getRepository(Testimony).createQueryBuilder('t').where('t.id = :id', { id });
    if (options.lock) return query.setLock('pessimistic_write').getOne();
    return query
      .leftJoinAndSelect('t.event', 'event')
      .leftJoinAndSelect('t.registration', 'registration')
      .getOne();
  }

  /** The themes each testimony is tagged with, by name. */
  async themesOf(manager: EntityManager, ids: readonly string[]): Promise<Map<string, TaggedTheme[]>> {
    const byTestimony = new Map<string, TaggedTheme[]>();
    if (ids.length === 0) return byTestimony;
    const rows = await manager
      .getRepository(TestimonyTheme)
      .createQueryBuilder('tag')
      .innerJoin('tag.theme', 'theme')
      .select([
        'tag.testimony_id AS testimony_id',
        'theme.id AS id',
        'theme.name AS name',
        'theme.status AS status',
      ])
      .where('tag.testimony_id IN (:...ids)', { ids })
      .orderBy('lower(theme.name)', 'ASC')
      .getRawMany<TaggedTheme & { testimony_id: string }>();
    for (const { testimony_id, ...theme } of rows) {
      byTestimony.set(testimony_id, [...(byTestimony.get(testimony_id) ?? []), theme]);
    }
    return byTestimony;
  }

  /** The notes on a testimony, oldest first, with their authors' names. */
  notesOf(manager: EntityManager, testimonyId: string): Promise<TestimonyNote[]> {
    return manager.getRepository(TestimonyNote).find({
      where: { testimonyId },
      relations: { author: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** The themes with these ids (of any status), to check a new set against. */
  themesByIds(manager: EntityManager, ids: readonly string[]): Promise<Theme[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager
      .getRepository(Theme)
      .createQueryBuilder('theme')
      .where('theme.id IN (:...ids)', { ids })
      .getMany();
  }

  /** Replaces the testimony's themes with these. */
  async replaceThemes(
    manager: EntityManager,
    testimonyId: string,
    themeIds: readonly string[],
  ): Promise<void> {
    await manager.getRepository(TestimonyTheme).delete({ testimonyId });
    if (themeIds.length > 0) {
      await manager
        .getRepository(TestimonyTheme)
        .insert(themeIds.map((themeId) => ({ testimonyId, themeId })));
    }
  }

  private filtered(manager: EntityManager, filters: TestimonyFilters): SelectQueryBuilder<Testimony> {
    const query = manager.getRepository(Testimony).createQueryBuilder('t');
    const equal = {
      campaignId: 't.campaign_id',
      eventId: 't.event_id',
      area: 't.area',
      role: 't.role',
      status: 't.status',
      consent: 't.quote_consent',
    } as const;
    for (const [key, column] of Object.entries(equal)) {
      const value = filters[key as keyof typeof equal];
      if (value !== undefined) query.andWhere(`${column} = :${key}`, { [key]: value });
    }
    if (filters.theme !== undefined) {
      // A theme merged into the one asked for still counts as it: its tags are kept as given.
      query.andWhere(
        `EXISTS (SELECT 1 FROM testimony_themes tag JOIN themes theme ON theme.id = tag.theme_id
          WHERE tag.testimony_id = t.id AND (theme.id = :theme OR theme.merged_into_id = :theme))`,
        { theme: filters.theme },
      );
    }
    if (filters.flagged !== undefined) {
      query.andWhere(filters.flagged ? 't.safeguarding_flag IS NOT NULL' : 't.safeguarding_flag IS NULL');
    }
    return query;
  }
}

function toSummary(row: SummaryRow, themes: TaggedTheme[]): TestimonySummary {
  return {
    id: row.id,
    submittedAt: row.submitted_at,
    source: row.source,
    role: row.role,
    area: row.area,
    onBehalfOfYoungPerson: row.on_behalf_of_young_person,
    themes,
    status: row.status,
    quoteConsent: row.quote_consent,
    contactConsent: row.contact_consent,
    shareWithAuthority: row.share_with_authority,
    caseworkRequested: row.casework_requested,
    safeguardingFlag: row.safeguarding_flag,
    hasRedaction: row.has_redaction,
    quoteSelected: row.quote_selected,
    campaignId: row.campaign_id,
    event: row.event_id && row.event_title !== null ? { id: row.event_id, title: row.event_title } : null,
    attendedEvent: row.attended_event,
  };
}
