import { Injectable } from '@nestjs/common';
import { SubmitTestimonyDto, TestimonyIntake } from '@roundtable/testimony';
import { plainToInstance } from 'class-transformer';
import { FormErrors } from '../forms/form-errors';
import {
  dtoProblems,
  explainRefusal,
  formRefusal,
  sentence,
  type FormWording,
  type SayInForm,
} from '../forms/service-errors';
import { checkTestimonyChoices, weeksOrNull, type TestimonyFormValues } from './testimony-form';

export type SubmissionOutcome =
  | { receiptToken: string }
  | {
      status: number;
      errors: FormErrors;
      /** The page they came from no longer takes testimony: the form is shown again without it. */
      originDropped: boolean;
    };

/** The rules about where the form came from (a campaign, an event, a registration's link). */
const ORIGIN_RULES = new Set([
  'campaign-published',
  'event-published',
  'registration-link-exists',
  'campaign-of-the-event',
  'event-of-the-registration',
]);
const ORIGIN_FIELDS = new Set(['campaignId', 'eventId', 'registrationToken']);

/** Said once, whichever origin rule was broken: what they wrote is kept, and can still be sent. */
export const ORIGIN_GONE =
  'The page you came from is no longer taking part, so what you send will not be linked to it. Check your answers and send them again';

/** The API's fields, as the form names them; anything else goes in the error summary alone. */
const FORM_FIELD_OF: Readonly<Record<string, string>> = {
  role: 'role',
  area: 'area',
  themes: 'themes',
  story: 'story',
  onBehalfOf: 'onBehalfOfYoungPerson',
  'answers.ageBand': 'ageBand',
  'consent.contact': 'email',
  'consent.casework': 'email',
  name: 'name',
  email: 'email',
};

/** The text rules' refusals, said for the form. The rest show the rule's own message. */
const DTO_MESSAGES: Readonly<Record<string, string>> = {
  email: 'Enter an email address in the correct format, like name@example.org, or leave it empty',
};

/** The intake's own refusals where the form has better words. */
const WORDING: FormWording = {
  fields: FORM_FIELD_OF,
  rules: {
    ...Object.fromEntries(
      [...ORIGIN_RULES].map((rule): [string, SayInForm] => [
        rule,
        (_, errors) => errors.add(undefined, ORIGIN_GONE),
      ]),
    ),
    'theme-active': (_, errors) =>
      errors.add(
        'themes',
        'One of the topics you chose has just been changed. Select what your experience is about again',
      ),
  },
};

/**
 * A posted testimony form, checked in the form's words and then by the intake's own rules (the
 * same DTO and service the JSON API uses), then taken in. Nothing is written unless every check
 * passes; the service's refusals come back as errors by the form's fields.
 */
@Injectable()
export class TestimonySubmission {
  constructor(private readonly intake: TestimonyIntake) {}

  async submit(values: TestimonyFormValues, activeThemeSlugs: readonly string[]): Promise<SubmissionOutcome> {
    const errors = new FormErrors();
    checkTestimonyChoices(values, activeThemeSlugs, errors);
    const input = plainToInstance(SubmitTestimonyDto, toSubmission(values));
    let originDropped = false;
    for (const problem of await dtoProblems(input)) {
      // The nested answers and consent carry no message of their own: the form's own checks
      // above have said what is wrong with each of their fields.
      if (problem.message === '' && errors.any) continue;
      if (ORIGIN_FIELDS.has(problem.property)) {
        originDropped = true;
        errors.add(undefined, ORIGIN_GONE);
        continue;
      }
      errors.add(
        FORM_FIELD_OF[problem.property],
        DTO_MESSAGES[problem.property] ?? sentence(problem.message || `${problem.property} is not valid`),
      );
    }
    if (errors.any) return { status: 400, errors, originDropped };
    try {
      return { receiptToken: (await this.intake.submit(input)).receiptToken };
    } catch (error) {
      const status = explainRefusal(error, errors, WORDING);
      const broken = formRefusal(error)?.problems ?? [];
      return { status, errors, originDropped: broken.some((problem) => ORIGIN_RULES.has(problem.rule)) };
    }
  }
}

/** The form's answers as the API takes them: empty is "not given". */
function toSubmission(values: TestimonyFormValues): Record<string, unknown> {
  const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    campaignId: orNull(values.campaign),
    eventId: orNull(values.event),
    registrationToken: orNull(values.registration),
    role: values.role,
    area: values.area,
    themes: [...new Set(values.themes)],
    story: values.story,
    onBehalfOf: values.onBehalfOfYoungPerson === 'yes',
    answers: {
      assessmentWaitWeeks: weeksOrNull(values.assessmentWaitWeeks),
      planWaitWeeks: weeksOrNull(values.planWaitWeeks),
      deadline: orNull(values.deadline),
      tribunal: orNull(values.tribunal),
      ageBand: orNull(values.ageBand),
      schoolPhase: orNull(values.schoolPhase),
    },
    consent: {
      quote: values.quoteConsent,
      contact: values.consents.includes('contact'),
      shareWithAuthority: values.consents.includes('share-with-authority'),
      casework: values.consents.includes('casework'),
    },
    name: orNull(values.name),
    email: orNull(values.email),
  };
}
