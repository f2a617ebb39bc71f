import type { ReportScopeQueryDto, ScopeChoices } from '@roundtable/testimony';
import { parseDateParts, readDateParts, type DateParts } from '../forms/date-input';
import { FormErrors } from '../forms/form-errors';
import { textField } from '../forms/form-fields';

export const REPORT_SCOPE_FIELDS = ['campaignId', 'eventId', 'from', 'to'] as const;

/** The scope form as typed, for showing it again. */
export interface ReportScopeValues {
  campaignId: string;
  eventId: string;
  from: DateParts;
  to: DateParts;
}

/**
 * Reads the report page's scope form (sent by GET, so a report is a link staff can keep). Every
 * part may be left empty: with none, the report covers all testimony. A choice that is not in
 * the lists (an old or edited link) is said plainly by its field.
 */
export function readReportScope(
  query: Record<string, unknown>,
  choices: ScopeChoices,
): { values: ReportScopeValues; scope?: ReportScopeQueryDto; errors: FormErrors } {
  const values: ReportScopeValues = {
    campaignId: textField(query, 'campaignId'),
    eventId: textField(query, 'eventId'),
    from: readDateParts(query, 'from'),
    to: readDateParts(query, 'to'),
  };
  const errors = new FormErrors();
  const choose = (value: string, ids: Array<{ id: string }>, field: string, message: string) => {
    if (value !== '' && !ids.some((choice) => choice.id === value)) errors.add(field, message);
    return value === '' ? undefined : value;
  };
  const date = (parts: DateParts, field: string, label: string) => {
    const parsed = parseDateParts(parts, label);
    if (parsed.kind === 'invalid') errors.addDate(field, parsed.message, parsed.parts);
    return parsed.kind === 'date' ? parsed.iso : undefined;
  };
  const scope: ReportScopeQueryDto = {
    campaignId: choose(values.campaignId, choices.campaigns, 'campaignId', 'Select a campaign from the list'),
    eventId: choose(values.eventId, choices.events, 'eventId', 'Select an event from the list'),
    from: date(values.from, 'from', 'From date'),
    to: date(values.to, 'to', 'To date'),
  };
  return { values, scope: errors.any ? undefined : scope, errors };
}

/** The scope as a query string, for the download links (empty parts left out). */
export function scopeQueryString(scope: ReportScopeQueryDto, format: string): string {
  const params = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(scope)) if (value) params.set(key, String(value));
  return params.toString();
}
