import { formatLondonDate } from '@roundtable/platform';
import { EHC_DEADLINE_WEEKS } from '../testimonies/testimony-vocabulary';
import type { LabelledCount, TestimonyReport } from './testimony-report';

export type Cell = string | number;

/**
 * One table of the report's figures: the first column names what is counted, the others hold
 * values. The CSV, the Word document and the page are all drawn from these, so the three say
 * the same thing in the same words.
 */
export interface ReportTable {
  id: string;
  title: string;
  columns: string[];
  rows: Cell[][];
  /** Counts by one label, worth a bar chart on the page. */
  chart: boolean;
}

const NO_ANSWERS = 'No answers';

export function reportTables(report: TestimonyReport): ReportTable[] {
  const { submissions, answers } = report;
  const counts = (id: string, title: string, what: string, items: LabelledCount[]): ReportTable => ({
    id,
    title,
    columns: [what, 'Testimonies'],
    rows: items.map((item) => [item.label, item.count]),
    chart: true,
  });
  return [
    {
      id: 'summary',
      title: 'Summary',
      columns: ['Figure', 'Value'],
      rows: summaryRows(report),
      chart: false,
    },
    {
      id: 'themes',
      title: 'Testimony by theme',
      columns: ['Theme', 'Testimonies'],
      rows: submissions.byTheme.map((theme) => [theme.label, theme.count]),
      chart: true,
    },
    counts('areas', 'Testimony by area', 'Area', submissions.byArea),
    counts('roles', 'Testimony by who was speaking', 'Role', submissions.byRole),
    {
      id: 'by-event',
      title: 'Testimony by event',
      columns: ['Event', 'Testimonies'],
      rows: submissions.byEvent.map((event) => [event.label, event.count]),
      chart: true,
    },
    {
      id: 'attendance',
      title: 'Events held and attendance',
      columns: ['Event', 'Date', 'Places taken', 'Attended'],
      rows: report.events.items.map((event) => [
        event.title,
        formatLondonDate(new Date(event.startsAt)),
        event.confirmed,
        event.attended,
      ]),
      chart: false,
    },
    counts('tribunal', 'Tribunal outcomes', 'Outcome', answers.tribunal),
  ];
}

function summaryRows(report: TestimonyReport): Cell[][] {
  const { answers, events, erasures } = report;
  const median = (weeks: number | null) => (weeks === null ? NO_ANSWERS : Math.round(weeks * 10) / 10);
  const { past, answered, share } = answers.pastDeadline;
  const rows: Cell[][] = [
    ['Testimony counted', report.submissions.total],
    ['Events held', events.held],
    ['Places taken at events held', events.confirmed],
    ['People who attended', events.attended],
    ['Median wait for an EHC needs assessment (weeks)', median(answers.assessmentWait.medianWeeks)],
    ['People who gave an assessment wait', answers.assessmentWait.answered],
    ['Median wait for an EHC plan (weeks)', median(answers.planWait.medianWeeks)],
    ['People who gave a plan wait', answers.planWait.answered],
    [`Plans past the ${EHC_DEADLINE_WEEKS}-week deadline`, past],
    ['People who said whether the deadline was met, or gave a plan wait', answered],
    [
      `Share of plans past the ${EHC_DEADLINE_WEEKS}-week deadline (%)`,
      share === null ? NO_ANSWERS : Math.round(share * 1000) / 10,
    ],
  ];
  if (erasures) {
    rows.push(['Testimony withdrawn by the people who gave it', erasures.withdrawn]);
    rows.push(['Testimony removed at the end of the retention period', erasures.afterRetention]);
  }
  return rows;
}

/** "Campaign: … · Event: … · 1 March 2026 to 30 June 2026", or "All testimony". */
export function describeScope(report: TestimonyReport): string {
  const { campaign, event, from, to } = report.scope;
  const day = (date: string) => formatLondonDate(new Date(`${date}T12:00:00Z`));
  const parts = [
    campaign && `Campaign: ${campaign.title}`,
    event && `Event: ${event.title} (${formatLondonDate(new Date(event.startsAt))})`,
    from && to && `${day(from)} to ${day(to)}`,
    from && !to && `From ${day(from)}`,
    !from && to && `Up to ${day(to)}`,
  ].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(' · ') : 'All testimony';
}
