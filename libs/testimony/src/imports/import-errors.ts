import { DomainError, FixedRefusal } from '@roundtable/platform';

/** The survey import's refusals. Messages name rows, columns and limits, never a cell's text. */

/** The upload is not a survey export we can read: what is wrong and what to send instead. */
export class UnreadableSurveyFile extends DomainError {
  constructor(
    readonly problem: string,
    data?: Readonly<Record<string, unknown>>,
  ) {
    super('invalid', 'survey-file-readable', problem, { field: 'file', data });
  }
}

export class ImportNotFound extends DomainError {
  constructor(readonly importId: string) {
    super('not-found', 'import-exists', `no survey import with id ${importId}`, { data: { importId } });
  }
}

/** Its rows were cleared a day after upload (or after it was committed elsewhere): upload again. */
export class ImportExpired extends DomainError {
  constructor(readonly importId: string) {
    super(
      'gone',
      'import-kept-one-day',
      `survey import ${importId} was uploaded more than a day ago and its rows have been cleared: upload the file again`,
      { data: { importId } },
    );
  }
}

export class ImportAlreadyCommitted extends DomainError {
  constructor(readonly importId: string) {
    super(
      'conflict',
      'commit-once',
      `survey import ${importId} is already imported: see GET /api/v1/testimony-imports/${importId}/commit for what it added`,
      { data: { importId } },
    );
  }
}

export class ImportNeedsMapping extends FixedRefusal(
  'conflict',
  'preview-before-commit',
  'choose the columns first: POST the mapping to this import’s preview, check it, then commit',
) {}
