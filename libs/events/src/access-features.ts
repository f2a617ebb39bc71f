/** What a venue offers people with access needs; shown on event pages and in invitations. */
export const ACCESS_FEATURES = [
  { value: 'step_free_access', label: 'Step-free access' },
  { value: 'accessible_toilet', label: 'Accessible toilet' },
  { value: 'hearing_loop', label: 'Hearing loop' },
  { value: 'bsl_on_request', label: 'BSL interpreter on request' },
  { value: 'quiet_room', label: 'Quiet room' },
  { value: 'parking', label: 'Parking' },
  { value: 'near_public_transport', label: 'Near public transport' },
] as const;

export type AccessFeature = (typeof ACCESS_FEATURES)[number]['value'];
export const ACCESS_FEATURE_VALUES: readonly AccessFeature[] = ACCESS_FEATURES.map(
  (feature) => feature.value,
);

export function accessFeatureLabel(value: string): string {
  return ACCESS_FEATURES.find((feature) => feature.value === value)?.label ?? value;
}
