import { UpdateTestimonyDto } from '@roundtable/testimony';
import { plainToInstance } from 'class-transformer';
import { FormErrors } from '../forms/form-errors';
import { listField, textField } from '../forms/form-fields';
import { dtoProblems, sentence, type FormWording } from '../forms/service-errors';

/** The testimony page's forms, top to bottom: the error summary follows this order. */
export const REVIEW_FORM_FIELDS = [
  'redactedStory',
  'status',
  'themeIds',
  'quoteSelected',
  'note',
  'flag',
] as const;

/** Each form on the testimony page, by the last part of its address. */
export const REVIEW_FORMS = ['redaction', 'review', 'notes', 'flag'] as const;
export type ReviewForm = (typeof REVIEW_FORMS)[number];

/** What was typed into the page's forms, kept so a form shown again with errors loses nothing. */
export interface ReviewFormValues {
  redactedStory?: string;
  note?: string;
  status?: string;
  themeIds?: string[];
  quoteSelected?: boolean;
}

export const REVIEW_FORM_WORDING: FormWording = {
  fields: {
    redactedStory: 'redactedStory',
    note: 'note',
    status: 'status',
    themeIds: 'themeIds',
    quoteSelected: 'quoteSelected',
    safeguardingFlag: 'flag',
  },
};

/** One form's post as the API's change, checked by the API's own DTO. */
export async function parseReviewForm(
  form: ReviewForm,
  body: unknown,
): Promise<{ values: ReviewFormValues; errors: FormErrors; patch?: UpdateTestimonyDto }> {
  const errors = new FormErrors();
  const { values, plain } = readForm(form, body, errors);
  const patch = plainToInstance(UpdateTestimonyDto, plain);
  for (const problem of await dtoProblems(patch)) {
    errors.add(REVIEW_FORM_WORDING.fields?.[problem.property] ?? problem.property, sentence(problem.message));
  }
  return { values, errors, patch: errors.any ? undefined : patch };
}

function readForm(
  form: ReviewForm,
  body: unknown,
  errors: FormErrors,
): { values: ReviewFormValues; plain: Record<string, unknown> } {
  switch (form) {
    case 'redaction': {
      const redactedStory = textField(body, 'redactedStory');
      // An empty box takes the redaction away (and with it the quote).
      return {
        values: { redactedStory },
        plain: { redactedStory: redactedStory.trim() === '' ? null : redactedStory },
      };
    }
    case 'notes': {
      const note = textField(body, 'note');
      if (note.trim() === '') errors.add('note', 'Enter the note');
      return { values: { note }, plain: { note } };
    }
    case 'review': {
      const status = textField(body, 'status');
      const themeIds = listField(body, 'themeIds');
      const quoteSelected = textField(body, 'quoteSelected') === 'yes';
      return { values: { status, themeIds, quoteSelected }, plain: { status, themeIds, quoteSelected } };
    }
    case 'flag': {
      const flag = textField(body, 'flag');
      if (flag !== 'raise' && flag !== 'clear')
        errors.add('flag', 'Choose to raise or clear the safeguarding flag');
      return { values: {}, plain: { safeguardingFlag: flag === 'clear' ? null : 'raised' } };
    }
  }
}
