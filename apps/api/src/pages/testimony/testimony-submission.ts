import { Injectable } from '@nestjs/common';
import { SubmitTestimonyDto, TestimonyIntake } from '@roundtable/testimony';
import { plainToInstance } from 'class-transformer';
import { FormErrors } from '../forms/form-errors';
import {
  dtoProblems,
  explainRefusal,
  sentence,
  type FormWording,
  type SayInForm,
} from '../forms/service-errors';
import { checkTestimonyChoices, weeksOrNull, type TestimonyFormValues } from './testimony-form';

export type SubmissionOutcome = { receiptToken: string } | { status: number; errors: FormErrors };

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

/** A rule's refusal said in the form's own words, by one of its fields or in the summary alone. */
const say =
  (field: string | undefined, text: string): SayInForm =>
  (_, errors) =>
    errors.add(field, text);

/** The intake's own refusals where the form has better words (the links it came from). */
const WORDING: FormWording = {
  fields: FORM_FIELD_OF,
  rules: {
    'registration-link-exists': say(
      undefined,
      'The link from your registration has stopped working. Open the form again from your registration’s page',
    ),
    'event-published': say(
      undefined,
      'The event you came from is no longer open. Open the form again from the event’s page',
    ),
    'campaign-published': say(
      undefined,
      'The campaign you came from is no longer open. Open the form again from its page',
    ),
    'theme-active': say(
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
    for (const problem of await dtoProblems(input)) {
      // The nested answers and consent carry no message of their own: the form's own checks
      // above have said what is wrong with each of their fields.
      if (problem.message === '' && errors.any) continue;
      errors.add(
        FORM_FIELD_OF[problem.property],
        DTO_MESSAGES[problem.property] ?? sentence(problem.message || `${problem.property} is not valid`),
      );
    }
    if (errors.any) return { status: 400, errors };
    try {
      return { receiptToken: (await this.intake.submit(input)).receiptToken };
    } catch (error) {
      return { status: explainRefusal(error, errors, WORDING), errors };
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
    onBehalfOf: values.onBehalfOfYoungPerson,
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
