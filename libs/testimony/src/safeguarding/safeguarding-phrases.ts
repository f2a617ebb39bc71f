/**
 * The keyword screen run over every story at intake. A match only SUGGESTS a safeguarding flag
 * (staff decide), so the list leans towards catching too much: a false alarm costs the lead a
 * read, a miss may cost a child. Phrases are matched case-insensitively on word boundaries,
 * with any run of spaces or hyphens between words. Keep each phrase specific enough that
 * everyday SEND writing ("abuse of process", "not safe to wait") is rare: review with the
 * designated safeguarding lead before changing it.
 */
export const SAFEGUARDING_PHRASES: readonly string[] = [
  // Harm to self
  'self harm',
  'self harming',
  'self harmed',
  'harming herself',
  'harming himself',
  'harming themselves',
  'cutting herself',
  'cutting himself',
  'cuts herself',
  'cuts himself',
  'suicide',
  'suicidal',
  'kill herself',
  'kill himself',
  'kill myself',
  'kill themselves',
  'end my life',
  'end her life',
  'end his life',
  'want to die',
  'wants to die',
  'overdose',
  // Harm from others
  'abuse',
  'abused',
  'abusing',
  'abusive',
  'neglect',
  'neglected',
  'hit him',
  'hit her',
  'hits him',
  'hits her',
  'hurt him',
  'hurt her',
  'hurts him',
  'hurts her',
  'beaten',
  'assaulted',
  'grooming',
  'groomed',
  'exploited',
  'exploitation',
  // Not safe now
  'not safe',
  'unsafe at home',
  'scared to go home',
  'afraid to go home',
  'restrained',
  'locked in',
  'domestic violence',
  'run away',
  'ran away',
  'missing from home',
];

const pattern = new RegExp(
  `\\b(?:${SAFEGUARDING_PHRASES.map((phrase) => phrase.split(' ').join('[\\s-]+')).join('|')})\\b`,
  'iu',
);

/**
 * True when the text contains any screened phrase. Deliberately says nothing about WHICH phrase:
 * callers record a flag, never the words (they are the story's, and sealed with it).
 */
export function suggestsSafeguarding(text: string): boolean {
  return pattern.test(text);
}
