import type { Attendance } from '../registrations/party';

const IN_PERSON = ['in_person'] as const;
const ONLINE = ['online'] as const;
const EITHER = ['in_person', 'online'] as const;

/**
 * What someone needs in order to take part, and the ways of taking part it fits (`fits`): a room
 * needs step-free access, a video call needs captions. Each is matched against the venue's access
 * features: one the venue already offers is simply confirmed, the rest become tasks for staff.
 */
export const ACCESS_NEEDS = [
  { value: 'step_free', label: 'Step-free access', metByFeature: 'step_free_access', fits: IN_PERSON },
  {
    value: 'bsl_interpreter',
    label: 'A British Sign Language (BSL) interpreter',
    metByFeature: null,
    fits: IN_PERSON,
  },
  { value: 'hearing_loop', label: 'A hearing loop', metByFeature: 'hearing_loop', fits: IN_PERSON },
  { value: 'quiet_room', label: 'A quiet room', metByFeature: 'quiet_room', fits: IN_PERSON },
  { value: 'childcare', label: 'Childcare', metByFeature: null, fits: IN_PERSON },
  { value: 'dietary', label: 'Food for a special diet', metByFeature: null, fits: IN_PERSON },
  { value: 'large_print', label: 'Large print materials', metByFeature: null, fits: IN_PERSON },
  { value: 'captions', label: 'Live captions', metByFeature: null, fits: ONLINE },
  { value: 'bsl_on_screen', label: 'A BSL interpreter on screen', metByFeature: null, fits: ONLINE },
  { value: 'papers_in_advance', label: 'The papers in advance', metByFeature: null, fits: ONLINE },
  { value: 'easy_read', label: 'Easy read versions of the papers', metByFeature: null, fits: ONLINE },
  { value: 'other', label: 'Something else (tell us below)', metByFeature: null, fits: EITHER },
] as const;

export type AccessNeed = (typeof ACCESS_NEEDS)[number]['value'];
export const ACCESS_NEED_VALUES: readonly AccessNeed[] = ACCESS_NEEDS.map((need) => need.value);

/** The needs offered to someone taking part this way, in the form's order. */
export function accessNeedsFor(attendance: Attendance): ReadonlyArray<(typeof ACCESS_NEEDS)[number]> {
  return ACCESS_NEEDS.filter((need) => (need.fits as readonly string[]).includes(attendance));
}

/** The needs in this list that do not fit taking part this way (unknown ones are the DTO's to refuse). */
export function needsThatDoNotFit(needs: readonly string[], attendance: Attendance): string[] {
  return needs.filter((value) => {
    const need = ACCESS_NEEDS.find((candidate) => candidate.value === value);
    return need !== undefined && !(need.fits as readonly string[]).includes(attendance);
  });
}

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
