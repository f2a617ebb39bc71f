/**
 * The closed lists a testimony is described by. They are kept as plain text in the database (with
 * CHECK constraints naming these values) so reports can group and filter on them in SQL.
 */

/** Who is speaking. */
export const RESPONDENT_ROLES = [
  { value: 'parent-carer', label: 'Parent or carer' },
  { value: 'young-person', label: 'Young person' },
  { value: 'teacher-ta', label: 'Teacher or teaching assistant' },
  { value: 'other-professional', label: 'Other professional' },
  { value: 'other', label: 'Other' },
] as const;
export type RespondentRole = (typeof RESPONDENT_ROLES)[number]['value'];

/**
 * How far a story may travel, one tier: quoted without a name in the report, only counted in
 * its figures, or read by the office alone (not even counted in what is published).
 */
export const QUOTE_CONSENTS = [
  { value: 'quote-anonymously', label: 'You may quote my words without my name' },
  { value: 'count-only', label: 'Count my answers, but do not quote my words' },
  { value: 'office-only', label: 'For the office only: do not quote or publish' },
] as const;
export type QuoteConsent = (typeof QUOTE_CONSENTS)[number]['value'];

/** Where a testimony came in. */
export const TESTIMONY_SOURCES = ['public', 'staff', 'import'] as const;
export type TestimonySource = (typeof TESTIMONY_SOURCES)[number];

/** Where staff are with it. */
export const TESTIMONY_STATUSES = ['new', 'reviewed', 'included', 'excluded'] as const;
export type TestimonyStatus = (typeof TESTIMONY_STATUSES)[number];

/** A safeguarding flag: suggested by the keyword screen at intake, or raised by staff. */
export const SAFEGUARDING_FLAGS = ['suggested', 'raised'] as const;
export type SafeguardingFlag = (typeof SAFEGUARDING_FLAGS)[number];

/** The child's (or young person's) age, in bands. */
export const AGE_BANDS = [
  { value: '0-4', label: '0 to 4' },
  { value: '5-10', label: '5 to 10' },
  { value: '11-15', label: '11 to 15' },
  { value: '16-18', label: '16 to 18' },
  { value: '19-25', label: '19 to 25' },
] as const;
export type AgeBand = (typeof AGE_BANDS)[number]['value'];

export const SCHOOL_PHASES = [
  { value: 'early-years', label: 'Early years (nursery or pre-school)' },
  { value: 'primary', label: 'Primary school' },
  { value: 'secondary', label: 'Secondary school' },
  { value: 'post-16', label: 'Post-16 (sixth form, college or training)' },
  { value: 'not-in-education', label: 'Not in education' },
] as const;
export type SchoolPhase = (typeof SCHOOL_PHASES)[number]['value'];

/** Whether the EHC plan came within the 20-week statutory deadline. */
export const DEADLINE_ANSWERS = [
  { value: 'met', label: 'Yes, within 20 weeks' },
  { value: 'missed', label: 'No, it took longer' },
  { value: 'not-sure', label: 'Not sure' },
] as const;
export type DeadlineAnswer = (typeof DEADLINE_ANSWERS)[number]['value'];

/** Whether they went to the SEND tribunal, and how it ended. */
export const TRIBUNAL_ANSWERS = [
  { value: 'no', label: 'No' },
  { value: 'won', label: 'Yes, and we won' },
  { value: 'partly-won', label: 'Yes, and we partly won' },
  { value: 'lost', label: 'Yes, and we lost' },
  { value: 'conceded', label: 'Yes, the council gave in before the hearing' },
  { value: 'withdrawn', label: 'Yes, but we withdrew' },
  { value: 'waiting', label: 'Yes, we are still waiting' },
] as const;
export type TribunalAnswer = (typeof TRIBUNAL_ANSWERS)[number]['value'];

/** Waits are given in whole weeks; 10 years is more than anyone has waited, and catches typos. */
export const MAX_WAIT_WEEKS = 520;

/** The statutory deadline for an EHC plan, from the request for an assessment. */
export const EHC_DEADLINE_WEEKS = 20;

export function valuesOf<T extends { value: string }>(list: readonly T[]): T['value'][] {
  return list.map((item) => item.value);
}

export function labelOf(list: readonly { value: string; label: string }[], value: string): string {
  return list.find((item) => item.value === value)?.label ?? value;
}

/** SQL for a CHECK that a column holds one of these values (or is null when it may be). */
export function sqlIn(column: string, values: readonly string[]): string {
  return `"${column}" IN (${values.map((value) => `'${value}'`).join(', ')})`;
}
