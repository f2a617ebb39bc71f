import { AREAS } from '@roundtable/events';
import {
  AGE_BANDS,
  DEADLINE_ANSWERS,
  QUOTE_CONSENTS,
  RESPONDENT_ROLES,
  SCHOOL_PHASES,
  TRIBUNAL_ANSWERS,
} from '../testimonies/testimony-vocabulary';

/** How a column's cells become a field: text as given, one of a closed list, several themes, … */
export type ImportFieldKind =
  'id' | 'time' | 'text' | 'name' | 'email' | 'choice' | 'themes' | 'yes-no' | 'weeks';

export interface Choice {
  value: string;
  label: string;
}

export const YES_NO: readonly Choice[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

export interface ImportFieldSpec {
  label: string;
  kind: ImportFieldKind;
  /** For a choice or yes/no field: our values, with the labels a survey's answers are matched to. */
  choices?: readonly Choice[];
  /** A header this matches is the best guess for the field (first unclaimed header wins). */
  header: RegExp;
}

/**
 * Every field of a testimony an import can fill, in the order a best guess claims headers (the
 * specific before the general). Only story and externalId must be mapped; see import-row-reader
 * for what an unmapped field becomes.
 */
export const IMPORT_FIELDS = {
  externalId: { label: 'Response ID', kind: 'id', header: /^id$/i },
  submittedAt: { label: 'When it was sent', kind: 'time', header: /^completion time$/i },
  email: { label: 'Email', kind: 'email', header: /^e-?mail( address)?$/i },
  name: { label: 'Name', kind: 'name', header: /^(your )?name$/i },
  quoteConsent: { label: 'Quote consent', kind: 'choice', choices: QUOTE_CONSENTS, header: /quote/i },
  contactConsent: { label: 'Contact me', kind: 'yes-no', choices: YES_NO, header: /contact (you|me)/i },
  shareWithAuthority: {
    label: 'Share with the local authority',
    kind: 'yes-no',
    choices: YES_NO,
    header: /share|local authority/i,
  },
  caseworkRequested: {
    label: 'Take it up as casework',
    kind: 'yes-no',
    choices: YES_NO,
    header: /casework|take (this|it) up/i,
  },
  onBehalfOfYoungPerson: {
    label: 'Written on behalf of a young person',
    kind: 'yes-no',
    choices: YES_NO,
    header: /on behalf/i,
  },
  deadline: {
    label: 'Plan within 20 weeks',
    kind: 'choice',
    choices: DEADLINE_ANSWERS,
    header: /20 weeks|deadline/i,
  },
  tribunal: { label: 'Tribunal', kind: 'choice', choices: TRIBUNAL_ANSWERS, header: /tribunal/i },
  assessmentWaitWeeks: {
    label: 'Weeks waited for the assessment',
    kind: 'weeks',
    header: /assessment.*(weeks|how long)|(weeks|how long).*assessment/i,
  },
  planWaitWeeks: {
    label: 'Weeks waited for the plan',
    kind: 'weeks',
    header: /plan.*(weeks|how long)|(weeks|how long).*plan/i,
  },
  ageBand: { label: 'Age band', kind: 'choice', choices: AGE_BANDS, header: /how old|\bage\b/i },
  schoolPhase: {
    label: 'School phase',
    kind: 'choice',
    choices: SCHOOL_PHASES,
    header: /school|phase|education/i,
  },
  role: {
    label: 'Role',
    kind: 'choice',
    choices: RESPONDENT_ROLES,
    header: /are you a|which best describes|your role|\brole\b/i,
  },
  area: { label: 'Area', kind: 'choice', choices: AREAS, header: /where do you live|\barea\b|borough|ward/i },
  themes: { label: 'Themes', kind: 'themes', header: /theme|topic|which (of these|issues)/i },
  story: {
    label: 'Story',
    kind: 'text',
    header: /story|tell us|experience|what happened|in your own words/i,
  },
} as const satisfies Record<string, ImportFieldSpec>;

export type ImportField = keyof typeof IMPORT_FIELDS;
export const IMPORT_FIELD_NAMES = Object.keys(IMPORT_FIELDS) as ImportField[];

/** The fields whose cells are answers to translate into our values. */
export const CHOICE_FIELDS = IMPORT_FIELD_NAMES.filter((field) =>
  ['choice', 'themes', 'yes-no'].includes(IMPORT_FIELDS[field].kind),
);

/** What a mapping must name, for the story to exist and a re-import to find its rows. */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['story', 'externalId'];
