/**
 * Charity numbers of the three UK registers (FIELD-NOTES.md): England and Wales, 6 or 7 digits,
 * with `-N` for a linked charity (1123456-1); Scotland (OSCR), `SC0` and five digits (SC040268);
 * Northern Ireland, `NIC` and six digits (NIC100002). Only the format is checked: the registers
 * are not online from here.
 */
export const CHARITY_REGISTERS = ['england-wales', 'scotland', 'northern-ireland'] as const;
export type CharityRegister = (typeof CHARITY_REGISTERS)[number];

export interface CharityNumber {
  /** Upper-case with spaces taken out: the form it is stored and compared in. */
  number: string;
  register: CharityRegister;
}

const FORMATS: readonly { register: CharityRegister; shape: RegExp }[] = [
  { register: 'england-wales', shape: /^[0-9]{6,7}(-[0-9]{1,2})?$/ },
  { register: 'scotland', shape: /^SC0[0-9]{5}$/ },
  { register: 'northern-ireland', shape: /^NIC[0-9]{6}$/ },
];

/** What to tell someone whose number fits none of the formats. */
export const CHARITY_NUMBER_FORMATS =
  'a charity number is 6 or 7 digits in England and Wales (a linked charity adds -1, e.g. 1123456-1), SC0 and five digits in Scotland (e.g. SC040268), or NIC and six digits in Northern Ireland (e.g. NIC100002)';

/** The number normalised and its register, or null when it fits no register's format. */
export function parseCharityNumber(raw: string): CharityNumber | null {
  const number = raw.replace(/\s+/g, '').toUpperCase();
  const format = FORMATS.find((each) => each.shape.test(number));
  return format ? { number, register: format.register } : null;
}
