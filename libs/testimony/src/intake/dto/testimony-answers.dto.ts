import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min, ValidateIf } from 'class-validator';
import {
  AGE_BANDS,
  DEADLINE_ANSWERS,
  MAX_WAIT_WEEKS,
  SCHOOL_PHASES,
  TRIBUNAL_ANSWERS,
  valuesOf,
  type AgeBand,
  type DeadlineAnswer,
  type SchoolPhase,
  type TribunalAnswer,
} from '../../testimonies/testimony-vocabulary';

const given = (_: object, value: unknown) => value !== undefined && value !== null;

function oneOf(field: string, values: readonly string[]) {
  return IsIn(values, { message: `${field} must be one of: ${values.join(', ')}` });
}

function weeks(field: string): PropertyDecorator[] {
  return [
    ValidateIf(given),
    IsInt({ message: `${field} must be a whole number of weeks` }),
    Min(0, { message: `${field} must be 0 or more` }),
    Max(MAX_WAIT_WEEKS, { message: `${field} must be at most ${MAX_WAIT_WEEKS} weeks (10 years)` }),
  ];
}

function apply(decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorator) => decorator(target, key));
}

/** The optional structured answers: each may be left out or null. */
export class TestimonyAnswersDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_WAIT_WEEKS, nullable: true })
  @apply(weeks('answers.assessmentWaitWeeks'))
  assessmentWaitWeeks?: number | null;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_WAIT_WEEKS, nullable: true })
  @apply(weeks('answers.planWaitWeeks'))
  planWaitWeeks?: number | null;

  @ApiPropertyOptional({ enum: valuesOf(DEADLINE_ANSWERS), nullable: true })
  @ValidateIf(given)
  @oneOf('answers.deadline', valuesOf(DEADLINE_ANSWERS))
  deadline?: DeadlineAnswer | null;

  @ApiPropertyOptional({ enum: valuesOf(TRIBUNAL_ANSWERS), nullable: true })
  @ValidateIf(given)
  @oneOf('answers.tribunal', valuesOf(TRIBUNAL_ANSWERS))
  tribunal?: TribunalAnswer | null;

  @ApiPropertyOptional({ enum: valuesOf(AGE_BANDS), nullable: true })
  @ValidateIf(given)
  @oneOf('answers.ageBand', valuesOf(AGE_BANDS))
  ageBand?: AgeBand | null;

  @ApiPropertyOptional({ enum: valuesOf(SCHOOL_PHASES), nullable: true })
  @ValidateIf(given)
  @oneOf('answers.schoolPhase', valuesOf(SCHOOL_PHASES))
  schoolPhase?: SchoolPhase | null;
}
