/** Longest slug kept: a name is at most 100 characters, and so is its slug. */
const SLUG_MAX = 100;

/**
 * A theme's slug from its name: lower-case ASCII letters and digits joined by single dashes,
 * accents dropped ("Équipe & CAMHS" → "equipe-camhs"). Empty when the name has no letter or
 * digit that ASCII can show; the service refuses such a name.
 */
export function slugFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '');
}
