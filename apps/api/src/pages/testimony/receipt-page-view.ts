import { areaLabel } from '@roundtable/events';
import { formatLondonDate } from '@roundtable/platform';
import {
  AGE_BANDS,
  DEADLINE_ANSWERS,
  labelOf,
  QUOTE_CONSENTS,
  RESPONDENT_ROLES,
  SCHOOL_PHASES,
  TRIBUNAL_ANSWERS,
  type ReceiptView,
} from '@roundtable/testimony';
import { paragraphs } from '../events/event-details';
import { CONSENT_CHOICES } from './testimony-form';

/** The private link's pages' own address: the token is the only key to them. */
export function receiptPath(token: string): string {
  return `/testimony/receipt/${token}`;
}

const weeks = (value: number | null) =>
  value === null ? null : `${value} ${value === 1 ? 'week' : 'weeks'}`;
const label = (list: ReadonlyArray<{ value: string; label: string }>, value: string | null) =>
  value === null ? null : labelOf(list, value);

/**
 * What the holder of a receipt link sees of what they sent, in the form's words: only the
 * optional answers they gave, and each consent as a yes or no they can change.
 */
export function receiptPageView(receipt: ReceiptView, token: string) {
  const answers = [
    ['Weeks waited for an EHC needs assessment', weeks(receipt.answers.assessmentWaitWeeks)],
    ['Weeks waited for the EHC plan', weeks(receipt.answers.planWaitWeeks)],
    ['Within the 20-week deadline', label(DEADLINE_ANSWERS, receipt.answers.deadline)],
    ['Went to the SEND tribunal', label(TRIBUNAL_ANSWERS, receipt.answers.tribunal)],
    ['Age of the child or young person', label(AGE_BANDS, receipt.answers.ageBand)],
    ['In education', label(SCHOOL_PHASES, receipt.answers.schoolPhase)],
  ].filter((row): row is [string, string] => row[1] !== null);
  const granted = {
    contact: receipt.consent.contact,
    'share-with-authority': receipt.consent.shareWithAuthority,
    casework: receipt.consent.casework,
  };
  return {
    basePath: receiptPath(token),
    receipt,
    submittedOn: formatLondonDate(new Date(receipt.submittedAt)),
    about: receipt.event?.title ?? receipt.campaign?.title ?? null,
    roleLabel: labelOf(RESPONDENT_ROLES, receipt.role),
    areaLabel: receipt.area ? areaLabel(receipt.area) : null,
    storyParagraphs: paragraphs(receipt.story),
    answerRows: answers.map(([key, value]) => ({ key: { text: key }, value: { text: value } })),
    quoteLabel: labelOf(QUOTE_CONSENTS, receipt.consent.quote),
    consentRows: CONSENT_CHOICES.map((choice) => ({
      key: { text: choice.text },
      value: { text: granted[choice.value] ? 'Yes' : 'No' },
    })),
  };
}

export type ReceiptPageView = ReturnType<typeof receiptPageView>;
