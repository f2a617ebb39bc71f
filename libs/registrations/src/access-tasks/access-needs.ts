/**
 * What someone needs in order to take part. Each is matched against the venue's access
 * features: one the venue already offers is simply confirmed, the rest become tasks for staff.
 */
export const ACCESS_NEEDS = [
  { value: 'step_free', label: 'Step-free access', metByFeature: 'step_free_access' },
  { value: 'bsl_interpreter', label: 'A British Sign Language (BSL) interpreter', metByFeature: null },
  { value: 'hearing_loop', label: 'A hearing loop', metByFeature: 'hearing_loop' },
  { value: 'quiet_room', label: 'A quiet room', metByFeature: 'quiet_room' },
  { value: 'childcare', label: 'Childcare', metByFeature: null },
  { value: 'dietary', label: 'Food for a special diet', metByFeature: null },
  { value: 'large_print', label: 'Large print materials', metByFeature: null },
  { value: 'other', label: 'Something else (tell us below)', metByFeature: null },
] as const;

export type AccessNeed = (typeof ACCESS_NEEDS)[number]['value'];
export const ACCESS_NEED_VALUES: readonly AccessNeed[] = ACCESS_NEEDS.map((need) => need.value);

export function accessNeedLabel(value: string): string {
  return ACCESS_NEEDS.find((need) => need.value === value)?.label ?? value;
}

export interface AccessNeedPlan {
  /** Needs the venue already meets: confirm them to the attendee. */
  met: AccessNeed[];
  /** Needs someone must arrange: each becomes a staff task with a due date. */
  toArrange: AccessNeed[];
}

/**
 * Splits needs into those the venue's features already meet and those staff must arrange. A
 * need with no matching feature (BSL, childcare, diet, large print, other) always needs arranging;
 * for an online-only event (no venue features) only the in-room needs fall away.
 */
export function planAccessNeeds(
  needs: readonly AccessNeed[],
  venueFeatures: readonly string[] | null,
): AccessNeedPlan {
  const plan: AccessNeedPlan = { met: [], toArrange: [] };
  for (const need of new Set(needs)) {
    const definition = ACCESS_NEEDS.find((candidate) => candidate.value === need);
    if (!definition) continue;
    const feature = definition.metByFeature;
    if (venueFeatures === null && (need === 'step_free' || need === 'hearing_loop' || need === 'quiet_room'))
      continue;
    if (feature !== null && venueFeatures?.includes(feature)) plan.met.push(need);
    else plan.toArrange.push(need);
  }
  return plan;
}
