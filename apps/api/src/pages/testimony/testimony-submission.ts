import { Injectable } from '@nestjs/common';
import { FormErrors } from '../forms/form-errors';
import { checkTestimonyChoices, type TestimonyFormValues } from './testimony-form';

export type SubmissionOutcome = { receiptToken: string } | { status: number; errors: FormErrors };

/** Checks a posted testimony form and hands it to the intake service (wired once it is merged). */
@Injectable()
export class TestimonySubmission {
  async submit(values: TestimonyFormValues, activeThemeSlugs: readonly string[]): Promise<SubmissionOutcome> {
    const errors = new FormErrors();
    checkTestimonyChoices(values, activeThemeSlugs, errors);
    return { status: 400, errors };
  }
}
