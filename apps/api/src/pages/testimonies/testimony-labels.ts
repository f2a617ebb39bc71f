import { areaLabel } from '@roundtable/events';
import { formatLondonDate, formatLondonTime } from '@roundtable/platform';
import {
  AGE_BANDS,
  DEADLINE_ANSWERS,
  labelOf,
  QUOTE_CONSENTS,
  RESPONDENT_ROLES,
  SCHOOL_PHASES,
  TRIBUNAL_ANSWERS,
  type TestimonySummary,
} from '@roundtable/testimony';

/** Words for the closed lists and flags, as staff read them on the pages. */
export const STATUS_LABELS: Record<string, string> = {
  new: 'New',
  reviewed: 'Reviewed',
  included: 'Included in the report',
  excluded: 'Excluded from the report',
};
export const SOURCE_LABELS: Record<string, string> = {
  public: 'Online form',
  staff: 'Entered by staff',
  import: 'Survey import',
};
export const FLAG_LABELS: Record<string, string> = {
  suggested: 'Suggested by the keyword screen',
  raised: 'Raised',
};
export const CASEWORK_STATUS_LABELS: Record<string, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  closed: 'Closed',
};

export function whenLabel(at: Date): string {
  return `${formatLondonDate(at)}, ${formatLondonTime(at)}`;
}

/** The labels a row of the list (and the head of one testimony) shows. */
export function summaryLabels(
  item: Pick<
    TestimonySummary,
    'submittedAt' | 'role' | 'area' | 'status' | 'quoteConsent' | 'source' | 'safeguardingFlag'
  >,
) {
  return {
    submitted: whenLabel(item.submittedAt),
    role: labelOf(RESPONDENT_ROLES, item.role),
    area: item.area ? areaLabel(item.area) : 'Not given',
    status: STATUS_LABELS[item.status] ?? item.status,
    consent: labelOf(QUOTE_CONSENTS, item.quoteConsent),
    source: SOURCE_LABELS[item.source] ?? item.source,
    flag: item.safeguardingFlag ? (FLAG_LABELS[item.safeguardingFlag] ?? item.safeguardingFlag) : null,
  };
}

export const answerLabels = {
  ageBand: (value: string | null) => (value ? labelOf(AGE_BANDS, value) : 'Not given'),
  schoolPhase: (value: string | null) => (value ? labelOf(SCHOOL_PHASES, value) : 'Not given'),
  deadline: (value: string | null) => (value ? labelOf(DEADLINE_ANSWERS, value) : 'Not given'),
  tribunal: (value: string | null) => (value ? labelOf(TRIBUNAL_ANSWERS, value) : 'Not given'),
  weeks: (value: number | null) => (value === null ? 'Not given' : `${value} weeks`),
};
