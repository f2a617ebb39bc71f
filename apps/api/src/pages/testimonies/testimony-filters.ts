import { ListTestimoniesQueryDto } from '@roundtable/testimony';
import { plainToInstance } from 'class-transformer';
import { FormErrors } from '../forms/form-errors';
import { textField } from '../forms/form-fields';
import { dtoProblems, sentence } from '../forms/service-errors';

/** The list page's filters, top to bottom (the error summary follows this order). */
export const TESTIMONY_FILTER_FIELDS = [
  'theme',
  'area',
  'role',
  'status',
  'consent',
  'flagged',
  'eventId',
  'campaignId',
] as const;

export type TestimonyFilterValues = Record<(typeof TESTIMONY_FILTER_FIELDS)[number], string>;

/**
 * Reads the filters as typed and checks them with the JSON API's own DTO, so the page and the
 * API refuse the same things. An empty choice is no filter.
 */
export async function readTestimonyFilters(
  query: Record<string, unknown>,
  page: { limit: number; offset: number },
): Promise<{ values: TestimonyFilterValues; errors: FormErrors; search?: ListTestimoniesQueryDto }> {
  const values = Object.fromEntries(
    TESTIMONY_FILTER_FIELDS.map((field) => [field, textField(query, field)]),
  ) as TestimonyFilterValues;
  const given = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));
  const search = plainToInstance(ListTestimoniesQueryDto, { ...given, ...page });
  const errors = new FormErrors();
  for (const problem of await dtoProblems(search)) errors.add(problem.property, sentence(problem.message));
  return { values, errors, search: errors.any ? undefined : search };
}
