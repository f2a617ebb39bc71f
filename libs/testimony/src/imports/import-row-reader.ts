import { checkEmailAddress, checkPersonName, checkText, normaliseEmail } from '@roundtable/platform';
import type { NewTestimony } from '../testimonies/new-testimony';
import { MAX_WAIT_WEEKS } from '../testimonies/testimony-vocabulary';
import { AnswerTranslator, splitMultipleChoice } from './answer-matching';
import { IMPORT_FIELDS, type ImportField } from './import-fields';
import type { ChoicesOf, ImportMapping } from './import-mapping';
import type { SurveyRow } from './survey-sheet';
import { surveyTime } from './survey-time';

/** What a row gives a testimony; the import adds its source, campaign, who ran it and the external ref. */
export type ImportedTestimony = Omit<
  NewTestimony,
  'source' | 'campaignId' | 'enteredById' | 'externalRef' | 'themeIds'
> & { themeSlugs: string[] };

export type ReadRow =
  | { row: number; externalId: string; testimony: ImportedTestimony }
  | { row: number; externalId: string | null; problems: string[] };

export const IMPORT_STORY_MAX = 20_000;
const EXTERNAL_ID_MAX = 100;

/**
 * Turns response rows into testimonies by a mapping, or says for each row every reason it cannot
 * be imported. Unmapped fields and empty cells take the safest value: role "other", no area or
 * themes, the quote tier "office-only", no contact, sharing or casework, no name or email.
 * An anonymous response (Forms writes "anonymous" in Email) keeps no name and no email.
 */
export class ImportRowReader {
  private readonly columnOf: Partial<Record<ImportField, number>> = {};
  private readonly translator: AnswerTranslator;

  constructor(
    headers: readonly string[],
    mapping: ImportMapping,
    private readonly choicesOf: ChoicesOf,
    private readonly now: Date,
  ) {
    for (const [field, header] of Object.entries(mapping.columns) as Array<[ImportField, string]>) {
      const index = headers.indexOf(header);
      if (index >= 0) this.columnOf[field] = index;
    }
    this.translator = new AnswerTranslator(mapping.answers);
  }

  read({ row, cells }: SurveyRow): ReadRow {
    const problems: string[] = [];
    const cell = (field: ImportField) => {
      const index = this.columnOf[field];
      return index === undefined ? '' : (cells[index] ?? '');
    };
    const externalId = cell('externalId');
    if (externalId === '') problems.push('it has no response ID');
    else if (externalId.length > EXTERNAL_ID_MAX || /\s/.test(externalId))
      problems.push('its response ID is not an ID (one word of at most 100 characters)');
    const story = checkText(cell('story'), { field: 'story', max: IMPORT_STORY_MAX, multiLine: true });
    if (!story.ok) problems.push(cell('story') === '' ? 'it has no story' : story.message);
    const choice = (field: ImportField) => this.choice(field, cell(field), problems);
    const yes = (field: ImportField) => choice(field) === 'yes';
    const { name, email } = this.contact(cell('name'), cell('email'), problems);
    const testimony: ImportedTestimony = {
      story: story.ok ? story.value : '',
      role: (choice('role') ?? 'other') as ImportedTestimony['role'],
      area: choice('area'),
      themeSlugs: this.themes(cell('themes'), problems),
      onBehalfOfYoungPerson: yes('onBehalfOfYoungPerson'),
      assessmentWaitWeeks: this.weeks('assessmentWaitWeeks', cell('assessmentWaitWeeks'), problems),
      planWaitWeeks: this.weeks('planWaitWeeks', cell('planWaitWeeks'), problems),
      deadline: choice('deadline') as ImportedTestimony['deadline'],
      tribunal: choice('tribunal') as ImportedTestimony['tribunal'],
      ageBand: choice('ageBand') as ImportedTestimony['ageBand'],
      schoolPhase: choice('schoolPhase') as ImportedTestimony['schoolPhase'],
      quoteConsent: (choice('quoteConsent') ?? 'office-only') as ImportedTestimony['quoteConsent'],
      contactConsent: yes('contactConsent'),
      shareWithAuthority: yes('shareWithAuthority'),
      caseworkRequested: yes('caseworkRequested'),
      name,
      email,
      submittedAt: this.time(cell('submittedAt'), problems),
    };
    if (problems.length > 0) return { row, externalId: externalId || null, problems };
    return { row, externalId, testimony };
  }

  private choice(field: ImportField, answer: string, problems: string[]): string | null {
    if (answer === '') return null;
    const spec = IMPORT_FIELDS[field];
    const choices = this.choicesOf(field);
    const found = this.translator.translate(field, answer, choices, spec.kind === 'yes-no');
    if (!found) {
      problems.push(
        `${spec.label}: the answer "${quoted(answer)}" has no value of ours; translate it in the mapping`,
      );
      return null;
    }
    // A saved translation to a theme retired since, say: the mapping needs a new one.
    if (!choices.some((choice) => choice.value === found.value)) {
      problems.push(
        `${spec.label}: the answer "${quoted(answer)}" is translated to "${found.value}", which is no longer one of ours`,
      );
      return null;
    }
    return found.value;
  }

  private themes(cell: string, problems: string[]): string[] {
    return [
      ...new Set(splitMultipleChoice(cell).map((answer) => this.choice('themes', answer, problems))),
    ].filter((slug): slug is string => slug !== null);
  }

  private weeks(field: ImportField, cell: string, problems: string[]): number | null {
    if (cell === '') return null;
    const match = /^(\d{1,4})(\.0+)?( weeks?)?$/i.exec(cell);
    const weeks = match ? Number(match[1]) : NaN;
    if (!match || weeks > MAX_WAIT_WEEKS) {
      problems.push(
        `${IMPORT_FIELDS[field].label}: "${quoted(cell)}" is not a number of weeks from 0 to ${MAX_WAIT_WEEKS}`,
      );
      return null;
    }
    return weeks;
  }

  private time(cell: string, problems: string[]): Date {
    if (cell === '') return this.now;
    const time = surveyTime(cell);
    if (!time || time.getTime() > this.now.getTime() + 86_400_000 || time.getUTCFullYear() < 2000) {
      problems.push(
        `${IMPORT_FIELDS.submittedAt.label}: "${quoted(cell)}" is not a date and time such as 14/03/2026 09:30`,
      );
      return this.now;
    }
    return time;
  }

  private contact(nameCell: string, emailCell: string, problems: string[]) {
    // Forms' anonymous responses: "anonymous" in Email and no name. Nothing identifying is kept.
    if (emailCell.toLowerCase() === 'anonymous') return { name: null, email: null };
    let name: string | null = null;
    let email: string | null = null;
    if (nameCell !== '') {
      const checked = checkPersonName(nameCell);
      if (checked.ok) name = checked.value;
      else problems.push(checked.message);
    }
    if (emailCell !== '') {
      const checked = checkEmailAddress(emailCell);
      if (checked.ok) email = normaliseEmail(checked.value);
      else problems.push(checked.message);
    }
    return { name, email };
  }
}

/** An answer shown back to staff, short: enough to find it in the sheet, never a whole story. */
function quoted(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}
