import { EHC_DEADLINE_WEEKS } from '../testimonies/testimony-vocabulary';

/**
 * The report's SQL, in one place, so the repository runs it and the benchmark can time the same
 * statements bare. Every statement takes the same parameters (see `reportParams`):
 * $1 campaign id, $2 event id, $3 first day, $4 last day (UK dates, both ends included), $5 now.
 */
export interface ReportParamsInput {
  campaignId?: string | null;
  eventId?: string | null;
  from?: string | null;
  to?: string | null;
}

export function reportParams(scope: ReportParamsInput, now: Date): unknown[] {
  return [scope.campaignId ?? null, scope.eventId ?? null, scope.from ?? null, scope.to ?? null, now];
}

/** A timestamp column between the first day's start and the last day's end, in UK time. */
function withinDays(column: string): string {
  return `($3::date IS NULL OR ${column} >= ($3::date::timestamp AT TIME ZONE 'Europe/London'))
    AND ($4::date IS NULL OR ${column} < (($4::date + 1)::timestamp AT TIME ZONE 'Europe/London'))`;
}

/**
 * The testimony a report counts: in scope, not "for the office only" (its writer asked not to be
 * published, even as a number) and not excluded by staff. $5 is unused here but typed, so every
 * statement takes the same five parameters.
 */
const COUNTED = `WITH counted AS (
  SELECT t.* FROM testimonies t
  WHERE t.quote_consent <> 'office-only' AND t.status <> 'excluded'
    AND ($1::uuid IS NULL OR t.campaign_id = $1::uuid)
    AND ($2::uuid IS NULL OR t.event_id = $2::uuid)
    AND ${withinDays('t.submitted_at')}
    AND $5::timestamptz IS NOT NULL
)`;

/** A tag's theme, or the theme it was merged into (a merge is one step, so one hop is enough). */
const COUNTED_THEMES = `counted c
  JOIN testimony_themes tt ON tt.testimony_id = c.id
  JOIN themes tag ON tag.id = tt.theme_id
  JOIN themes th ON th.id = COALESCE(tag.merged_into_id, tag.id)`;

export const REPORT_SQL = {
  byTheme: `${COUNTED}
    SELECT th.id, th.name, th.status, count(DISTINCT c.id)::int AS count
    FROM ${COUNTED_THEMES}
    GROUP BY th.id, th.name, th.status
    ORDER BY count DESC, th.name`,

  byArea: `${COUNTED}
    SELECT area AS value, count(*)::int AS count FROM counted
    GROUP BY area ORDER BY count DESC, area NULLS LAST`,

  byRole: `${COUNTED}
    SELECT role AS value, count(*)::int AS count FROM counted
    GROUP BY role ORDER BY count DESC, role`,

  byEvent: `${COUNTED}
    SELECT e.id, e.title, e.starts_at, count(*)::int AS count
    FROM counted c LEFT JOIN events e ON e.id = c.event_id
    GROUP BY e.id, e.title, e.starts_at
    ORDER BY e.starts_at NULLS LAST, e.id`,

  /** Medians are of whole weeks, so half a week is the finest a median can be. */
  answers: `${COUNTED}
    SELECT count(*)::int AS total,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY assessment_wait_weeks) AS assessment_median,
      count(assessment_wait_weeks)::int AS assessment_answered,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY plan_wait_weeks) AS plan_median,
      count(plan_wait_weeks)::int AS plan_answered,
      count(*) FILTER (WHERE deadline IN ('met', 'missed') OR plan_wait_weeks IS NOT NULL)::int AS deadline_answered,
      count(*) FILTER (WHERE deadline = 'missed' OR plan_wait_weeks > ${EHC_DEADLINE_WEEKS})::int AS past_deadline
    FROM counted`,

  tribunal: `${COUNTED}
    SELECT tribunal AS value, count(*)::int AS count FROM counted
    WHERE tribunal IS NOT NULL GROUP BY tribunal ORDER BY count DESC, tribunal`,

  /** Held: published and started before now. Places taken include those later marked attended. */
  eventsHeld: `SELECT e.id, e.title, e.starts_at,
      count(r.id) FILTER (WHERE r.status IN ('confirmed', 'attended'))::int AS confirmed,
      count(r.id) FILTER (WHERE r.status = 'attended')::int AS attended
    FROM events e LEFT JOIN registrations r ON r.event_id = e.id
    WHERE e.status = 'published' AND e.starts_at < $5::timestamptz
      AND ($1::uuid IS NULL OR e.campaign_id = $1::uuid)
      AND ($2::uuid IS NULL OR e.id = $2::uuid)
      AND ${withinDays('e.starts_at')}
    GROUP BY e.id, e.title, e.starts_at
    ORDER BY e.starts_at, e.id`,

  /** Erasures keep a campaign and a time, never an event: none are known for an event's scope. */
  erasures: `SELECT reason, sum(count)::int AS count FROM testimony_erasures
    WHERE ($1::uuid IS NULL OR campaign_id = $1::uuid)
      AND $2::uuid IS NULL
      AND ${withinDays('erased_at')}
      AND $5::timestamptz IS NOT NULL
    GROUP BY reason`,

  /**
   * Quotes: chosen by staff, from writers who said they may be quoted without their name, with
   * staff's redaction to quote (the sealed redacted_story; the story itself is never read).
   */
  quotes: `${COUNTED}
    SELECT c.id, c.redacted_story, c.role, c.area,
      COALESCE(array_agg(DISTINCT th.name ORDER BY th.name) FILTER (WHERE th.id IS NOT NULL), '{}') AS themes
    FROM counted c
      LEFT JOIN testimony_themes tt ON tt.testimony_id = c.id
      LEFT JOIN themes tag ON tag.id = tt.theme_id
      LEFT JOIN themes th ON th.id = COALESCE(tag.merged_into_id, tag.id)
    WHERE c.quote_selected AND c.quote_consent = 'quote-anonymously' AND c.redacted_story IS NOT NULL
    GROUP BY c.id, c.redacted_story, c.role, c.area, c.submitted_at
    ORDER BY c.submitted_at, c.id`,
} as const;

export type ReportQueryName = keyof typeof REPORT_SQL;
