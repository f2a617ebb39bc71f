/**
 * Where venues are: the four Black Country boroughs, and the wards of Halesowen (which sits in
 * Dudley borough) since most of the office's events are there.
 */
export const AREAS = [
  { value: 'dudley', label: 'Dudley' },
  { value: 'sandwell', label: 'Sandwell' },
  { value: 'walsall', label: 'Walsall' },
  { value: 'wolverhampton', label: 'Wolverhampton' },
  { value: 'halesowen-north', label: 'Halesowen North' },
  { value: 'halesowen-south', label: 'Halesowen South' },
  { value: 'belle-vale', label: 'Belle Vale' },
  { value: 'hayley-green-and-cradley-south', label: 'Hayley Green and Cradley South' },
  { value: 'cradley-and-wollescote', label: 'Cradley and Wollescote' },
] as const;

export type Area = (typeof AREAS)[number]['value'];
export const AREA_VALUES: readonly Area[] = AREAS.map((area) => area.value);

export function areaLabel(value: string): string {
  return AREAS.find((area) => area.value === value)?.label ?? value;
}
