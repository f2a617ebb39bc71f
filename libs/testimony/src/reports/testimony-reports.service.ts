import { Injectable } from '@nestjs/common';
import { areaLabel } from '@roundtable/events';
import { AuditLog } from '@roundtable/identity';
import { assertNoProblems, Clock, formatLondonDate, type RuleBroken } from '@roundtable/platform';
import { FieldCipher } from '../encryption/field-cipher';
import { REDACTED_STORY_SEALED } from '../testimonies/testimony.entity';
import { labelOf, RESPONDENT_ROLES, TRIBUNAL_ANSWERS } from '../testimonies/testimony-vocabulary';
import type { ReportFormat, ReportScopeQueryDto } from './report-scope.dto';
import { datesOutOfOrder, unknownCampaign, unknownEvent } from './report-scope-errors';
import type { LabelledCount, Quote, ReportScopeView, TestimonyReport } from './testimony-report';
import {
  TestimonyReportsRepository,
  type EventCountRow,
  type ScopeChoices,
  type ValueCountRow,
} from './testimony-reports.repository';

/** How a report was asked for, for the audit log: the format and the scope's ids, nothing else. */
export interface ReportRequest {
  actorId: string;
  format: ReportFormat | 'page';
}

/**
 * Builds the evidence report for a scope. Reading it is an export of testimony (its quotes are
 * people's words, redacted), so every report built is audited.
 */
@Injectable()
export class TestimonyReportsService {
  constructor(
    private readonly reports: TestimonyReportsRepository,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** The report, or InvalidInput naming each thing wrong with the scope. Audited as an export. */
  async export(scope: ReportScopeQueryDto, request: ReportRequest): Promise<TestimonyReport> {
    const report = await this.build(scope);
    await this.audit.record({
      actorId: request.actorId,
      action: 'testimony.export',
      subjectType: 'testimony-report',
      detail: {
        format: request.format,
        campaignId: scope.campaignId ?? null,
        eventId: scope.eventId ?? null,
        from: scope.from ?? null,
        to: scope.to ?? null,
        counted: report.submissions.total,
        quotes: report.quotes.length,
      },
    });
    return report;
  }

  /** The campaigns and events a report's scope form offers. */
  scopeChoices(): Promise<ScopeChoices> {
    return this.reports.findScopeChoices();
  }

  private async build(scope: ReportScopeQueryDto): Promise<TestimonyReport> {
    const scopeView = await this.checkScope(scope);
    const now = this.clock.now();
    const [byTheme, byArea, byRole, byEvent, answers, tribunal, held, erasures, quotes] = await Promise.all([
      this.reports.countByTheme(scope, now),
      this.reports.countByArea(scope, now),
      this.reports.countByRole(scope, now),
      this.reports.countByEvent(scope, now),
      this.reports.summariseAnswers(scope, now),
      this.reports.countTribunalOutcomes(scope, now),
      this.reports.findEventsHeld(scope, now),
      scope.eventId ? Promise.resolve(null) : this.reports.countErasures(scope, now),
      this.reports.findSelectedQuotes(scope, now),
    ]);
    const erased = (reason: string) => erasures?.find((row) => row.reason === reason)?.count ?? 0;
    return {
      scope: scopeView,
      generatedAt: now.toISOString(),
      submissions: {
        total: answers.total,
        byTheme: byTheme.map((row) => ({
          themeId: row.id,
          label: row.name,
          retired: row.status === 'retired',
          count: row.count,
        })),
        byArea: byArea.map((row) => labelled(row, areaLabel, 'Area not given')),
        byRole: byRole.map((row) => labelled(row, (value) => labelOf(RESPONDENT_ROLES, value), 'Not given')),
        byEvent: byEvent.map(eventCount),
      },
      events: {
        held: held.length,
        confirmed: sum(held.map((row) => row.confirmed)),
        attended: sum(held.map((row) => row.attended)),
        items: held.map((row) => ({
          eventId: row.id,
          title: row.title,
          startsAt: row.starts_at.toISOString(),
          confirmed: row.confirmed,
          attended: row.attended,
        })),
      },
      answers: {
        assessmentWait: { medianWeeks: answers.assessment_median, answered: answers.assessment_answered },
        planWait: { medianWeeks: answers.plan_median, answered: answers.plan_answered },
        pastDeadline: {
          past: answers.past_deadline,
          answered: answers.deadline_answered,
          share: answers.deadline_answered === 0 ? null : answers.past_deadline / answers.deadline_answered,
        },
        tribunal: tribunal.map((row) =>
          labelled(row, (value) => labelOf(TRIBUNAL_ANSWERS, value), 'Not given'),
        ),
      },
      erasures: erasures && { withdrawn: erased('request'), afterRetention: erased('retention') },
      quotes: quotes.map((row): Quote => ({
        // The redaction only: the story as written is never read for a report.
        text: REDACTED_STORY_SEALED.open(this.cipher, row.id, row.redacted_story),
        role: labelOf(RESPONDENT_ROLES, row.role),
        area: row.area ? areaLabel(row.area) : 'Area not given',
        themes: row.themes,
      })),
    };
  }

  private async checkScope(scope: ReportScopeQueryDto): Promise<ReportScopeView> {
    const problems: RuleBroken[] = [];
    if (scope.from && scope.to && scope.to < scope.from) problems.push(datesOutOfOrder(scope.from, scope.to));
    const campaign = scope.campaignId ? await this.reports.findCampaign(scope.campaignId) : null;
    if (scope.campaignId && !campaign) problems.push(unknownCampaign(scope.campaignId));
    const event = scope.eventId ? await this.reports.findEvent(scope.eventId) : null;
    if (scope.eventId && !event) problems.push(unknownEvent(scope.eventId));
    assertNoProblems(problems);
    return {
      campaign,
      event: event && { id: event.id, title: event.title, startsAt: event.starts_at.toISOString() },
      from: scope.from ?? null,
      to: scope.to ?? null,
    };
  }
}

function labelled(row: ValueCountRow, label: (value: string) => string, notGiven: string): LabelledCount {
  return { value: row.value, label: row.value === null ? notGiven : label(row.value), count: row.count };
}

function eventCount(row: EventCountRow) {
  return {
    eventId: row.id,
    label: row.id ? `${row.title} (${formatLondonDate(row.starts_at!)})` : 'Not linked to an event',
    count: row.count,
  };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
