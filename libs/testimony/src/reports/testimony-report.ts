/**
 * The evidence report: what the office publishes about a campaign, an event or a period. Counts
 * only; the one piece of people's own words is `quotes`, staff's redacted text of stories whose
 * writers said they may be quoted. What is counted (see README "The evidence report"):
 *
 * - a testimony counts unless it is "for the office only" (its writer asked not to be published,
 *   not even as a number) or staff excluded it (a duplicate, off topic, a test);
 * - "count only" testimony counts but is never quoted.
 */
export interface TestimonyReport {
  scope: ReportScopeView;
  generatedAt: string;
  submissions: {
    total: number;
    /** A tag on a theme merged into another counts under the theme it went into, once per testimony. */
    byTheme: ThemeCount[];
    byArea: LabelledCount[];
    byRole: LabelledCount[];
    byEvent: EventCount[];
  };
  events: EventsHeld;
  answers: AnswersSummary;
  /** Erasures are recorded by campaign and date, not by event: null when the scope names an event. */
  erasures: { withdrawn: number; afterRetention: number } | null;
  quotes: Quote[];
}

export interface ReportScopeView {
  campaign: { id: string; title: string } | null;
  event: { id: string; title: string; startsAt: string } | null;
  /** UK dates, both ends included. */
  from: string | null;
  to: string | null;
}

export interface LabelledCount {
  /** The stored value (an area or role), or null for "not given". */
  value: string | null;
  label: string;
  count: number;
}

export interface ThemeCount {
  themeId: string;
  label: string;
  retired: boolean;
  count: number;
}

export interface EventCount {
  /** null: testimony not linked to any event. */
  eventId: string | null;
  label: string;
  count: number;
}

/** Published events that have started, in scope; attendance from their registrations. */
export interface EventsHeld {
  held: number;
  /** Places taken: registrations confirmed, including those later marked attended. */
  confirmed: number;
  attended: number;
  items: Array<{ eventId: string; title: string; startsAt: string; confirmed: number; attended: number }>;
}

export interface AnswersSummary {
  assessmentWait: { medianWeeks: number | null; answered: number };
  planWait: { medianWeeks: number | null; answered: number };
  /**
   * Past the 20-week deadline: said it was missed, or gave a plan wait over 20 weeks. Out of
   * those who said either way or gave a plan wait ("not sure" with no wait is not counted).
   */
  pastDeadline: { past: number; answered: number; share: number | null };
  tribunal: LabelledCount[];
}

export interface Quote {
  /** The redacted text only, never the story as written. */
  text: string;
  role: string;
  area: string;
  themes: string[];
}
