import { DateTime } from 'luxon';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type DateInputResult =
  | { kind: 'empty' }
  | { kind: 'date'; iso: string }
  | { kind: 'invalid'; message: string; parts: Array<keyof DateParts> };

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** GOV.UK asks us to accept month names as well as numbers: "March", "Mar", "sept" and "3" all work. */
function monthNumber(raw: string): number {
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  const name = raw.toLowerCase();
  const index = name.length >= 3 ? MONTHS.findIndex((month) => month.startsWith(name)) : -1;
  return index >= 0 ? index + 1 : NaN;
}

export function readDateParts(source: unknown, prefix: string): DateParts {
  const value = (name: string) => {
    const raw = (source as Record<string, unknown> | undefined)?.[`${prefix}-${name}`];
    return typeof raw === 'string' ? raw.trim() : '';
  };
  return { day: value('day'), month: value('month'), year: value('year') };
}

/**
 * Reads a GOV.UK date input (day, month and year boxes) the way the design system's date pattern
 * describes, with its error messages: what is missing, or that it is not a real date.
 * `label` starts the messages, e.g. "Date of the event".
 */
export function parseDateParts(parts: DateParts, label: string): DateInputResult {
  const names: Array<keyof DateParts> = ['day', 'month', 'year'];
  const missing = names.filter((name) => parts[name] === '');
  if (missing.length === 3) return { kind: 'empty' };
  if (missing.length > 0) {
    return { kind: 'invalid', message: `${label} must include a ${missing.join(' and ')}`, parts: missing };
  }
  const day = /^\d{1,2}$/.test(parts.day) ? Number(parts.day) : NaN;
  const month = monthNumber(parts.month);
  if (!/^\d{4}$/.test(parts.year))
    return { kind: 'invalid', message: 'Year must include 4 numbers', parts: ['year'] };
  const wrong: Array<keyof DateParts> = [];
  if (!(day >= 1 && day <= 31)) wrong.push('day');
  if (!(month >= 1 && month <= 12)) wrong.push('month');
  // Luxon throws on a NaN unit, so only whole boxes that could be right are put together.
  const date =
    wrong.length === 0
      ? DateTime.fromObject({ year: Number(parts.year), month, day }, { zone: 'utc' })
      : undefined;
  if (!date?.isValid) {
    // 31 June: each box is plausible, only together are they wrong, so outline them all.
    return {
      kind: 'invalid',
      message: `${label} must be a real date`,
      parts: wrong.length > 0 ? wrong : names,
    };
  }
  return { kind: 'date', iso: date.toISODate()! };
}

/** The date boxes for an ISO date, e.g. 2026-03-28 becomes 28, 3, 2026. */
export function datePartsOf(iso: string): DateParts {
  const date = DateTime.fromISO(iso, { zone: 'utc' });
  return { day: String(date.day), month: String(date.month), year: String(date.year) };
}
