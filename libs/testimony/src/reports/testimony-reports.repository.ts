import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { REPORT_SQL, reportParams, type ReportParamsInput, type ReportQueryName } from './report-queries';

export interface ThemeCountRow {
  id: string;
  name: string;
  status: string;
  count: number;
}
export interface ValueCountRow {
  value: string | null;
  count: number;
}
export interface EventCountRow {
  id: string | null;
  title: string | null;
  starts_at: Date | null;
  count: number;
}
export interface EventHeldRow {
  id: string;
  title: string;
  starts_at: Date;
  confirmed: number;
  attended: number;
}
export interface AnswersRow {
  total: number;
  assessment_median: number | null;
  assessment_answered: number;
  plan_median: number | null;
  plan_answered: number;
  deadline_answered: number;
  past_deadline: number;
}
export interface QuoteRow {
  id: string;
  redacted_story: string;
  role: string;
  area: string | null;
  themes: string[];
}

export interface ScopeChoices {
  campaigns: Array<{ id: string; title: string }>;
  events: Array<{ id: string; title: string; startsAt: Date }>;
}

/** A select longer than this is no help; a report on an older event is still one API call away (eventId). */
const SCOPE_EVENT_CHOICES = 300;

/** The report's figures, each one statement of report-queries.ts against the real tables. */
@Injectable()
export class TestimonyReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  countByTheme(scope: ReportParamsInput, now: Date): Promise<ThemeCountRow[]> {
    return this.run('byTheme', scope, now);
  }

  countByArea(scope: ReportParamsInput, now: Date): Promise<ValueCountRow[]> {
    return this.run('byArea', scope, now);
  }

  countByRole(scope: ReportParamsInput, now: Date): Promise<ValueCountRow[]> {
    return this.run('byRole', scope, now);
  }

  countByEvent(scope: ReportParamsInput, now: Date): Promise<EventCountRow[]> {
    return this.run('byEvent', scope, now);
  }

  async summariseAnswers(scope: ReportParamsInput, now: Date): Promise<AnswersRow> {
    const [row] = await this.run<AnswersRow>('answers', scope, now);
    return row;
  }

  countTribunalOutcomes(scope: ReportParamsInput, now: Date): Promise<ValueCountRow[]> {
    return this.run('tribunal', scope, now);
  }

  findEventsHeld(scope: ReportParamsInput, now: Date): Promise<EventHeldRow[]> {
    return this.run('eventsHeld', scope, now);
  }

  countErasures(scope: ReportParamsInput, now: Date): Promise<Array<{ reason: string; count: number }>> {
    return this.run('erasures', scope, now);
  }

  /** The sealed redacted text of each chosen quote, for the service to open. */
  findSelectedQuotes(scope: ReportParamsInput, now: Date): Promise<QuoteRow[]> {
    return this.run('quotes', scope, now);
  }

  async findCampaign(id: string): Promise<{ id: string; title: string } | null> {
    const [row] = await this.dataSource.query(`SELECT id, title FROM campaigns WHERE id = $1`, [id]);
    return row ?? null;
  }

  async findEvent(id: string): Promise<{ id: string; title: string; starts_at: Date } | null> {
    const [row] = await this.dataSource.query(`SELECT id, title, starts_at FROM events WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** What a scope form offers: every campaign, and published events, newest first. */
  async findScopeChoices(): Promise<ScopeChoices> {
    const [campaigns, events] = await Promise.all([
      this.dataSource.query(`SELECT id, title FROM campaigns ORDER BY starts_on DESC, title`),
      this.dataSource.query(
        `SELECT id, title, starts_at AS "startsAt" FROM events WHERE status = 'published'
         ORDER BY starts_at DESC LIMIT ${SCOPE_EVENT_CHOICES}`,
      ),
    ]);
    return { campaigns, events };
  }

  private run<T>(name: ReportQueryName, scope: ReportParamsInput, now: Date): Promise<T[]> {
    return this.dataSource.query(REPORT_SQL[name], reportParams(scope, now));
  }
}
