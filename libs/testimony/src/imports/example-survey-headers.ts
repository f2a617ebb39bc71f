// Types only: the tests' and benchmark's survey builders import this file alone, without the library.
import type { ImportField } from './import-fields';

/**
 * The header of each column in a Forms export of the office's survey (the first five are what
 * Forms always writes): the examples the API documents, and what the tests' exports use.
 */
export const EXAMPLE_SURVEY_HEADERS: Readonly<Record<ImportField, string>> = {
  externalId: 'ID',
  submittedAt: 'Completion time',
  email: 'Email',
  name: 'Name',
  quoteConsent: 'May we quote your words in our report?',
  contactConsent: 'May we contact you about what you wrote?',
  shareWithAuthority: 'May we share it with the local authority?',
  caseworkRequested: 'Would you like us to take this up as casework?',
  onBehalfOfYoungPerson: 'Are you writing on behalf of a young person?',
  deadline: 'Was the plan issued within 20 weeks?',
  tribunal: 'Did you go to the SEND tribunal?',
  assessmentWaitWeeks: 'How many weeks did you wait for the needs assessment?',
  planWaitWeeks: 'How many weeks did you wait for the plan?',
  ageBand: 'How old is the child or young person?',
  schoolPhase: 'Which school phase are they in?',
  role: 'Which best describes you?',
  area: 'Where do you live?',
  themes: 'Which of these topics does your story touch on?',
  story: 'Tell us what happened, in your own words',
};
