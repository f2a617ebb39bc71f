import type { RuleBroken } from '@roundtable/platform';
import { consentNeedsEmail, onBehalfNeedsAgeBand, onBehalfNeedsParentOrCarer } from '../errors';
import type { TestimonyFieldsDto } from './dto/testimony.dto';

/** The rules across fields that a DTO cannot say field by field; every one broken, at once. */
export function intakeProblems(input: TestimonyFieldsDto): RuleBroken[] {
  const problems: RuleBroken[] = [];
  if (input.onBehalfOf) {
    if (input.role !== 'parent-carer') problems.push(onBehalfNeedsParentOrCarer());
    if (!input.answers?.ageBand) problems.push(onBehalfNeedsAgeBand());
  }
  if (!input.email) {
    if (input.consent.contact) problems.push(consentNeedsEmail('contact'));
    if (input.consent.casework) problems.push(consentNeedsEmail('casework'));
  }
  return problems;
}
