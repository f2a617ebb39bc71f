import type { AccessNeed } from './access-needs';

/**
 * How each need reads in "We have arranged ___ for you", the attendee's email when staff mark a
 * task arranged. Keyed by every need, so adding a need without its phrase fails to compile.
 */
const ARRANGED_PHRASES: Record<AccessNeed, string> = {
  step_free: 'step-free access',
  bsl_interpreter: 'a British Sign Language (BSL) interpreter',
  hearing_loop: 'a hearing loop',
  quiet_room: 'a quiet room',
  childcare: 'childcare',
  dietary: 'food that suits your diet',
  large_print: 'large print materials',
  captions: 'live captions',
  bsl_on_screen: 'a British Sign Language (BSL) interpreter on screen',
  papers_in_advance: 'the papers in advance',
  easy_read: 'easy read versions of the papers',
  other: 'the help you told us about',
};

/** The phrase for a need; an unknown one (from an older list) reads as the general help. */
export function arrangedPhrase(need: string): string {
  return (ARRANGED_PHRASES as Record<string, string | undefined>)[need] ?? ARRANGED_PHRASES.other;
}
