/**
 * The first key of every address's lock. book_registration (a database function, see its
 * migration) is given it as an argument rather than writing it out, so the two cannot disagree.
 */
export const ADDRESS_LOCK_NAMESPACE = 'manage-link';

/**
 * The lock one address's public requests are counted under (its link emails, its public
 * registrations), held to the end of the transaction: two requests for one address at once are
 * counted one after the other, so both cannot pass a limit. As SQL, for a statement that takes it
 * with what it reads (a public registration takes it with its event and the address's
 * registration); the caller names the parameter holding the normalised address.
 *
 * What it counts must be read by a later statement than the one that took it: a statement's
 * snapshot is taken when it starts, before it waited for the lock.
 */
export function addressLockSql(email: string): string {
  return `pg_advisory_xact_lock(hashtext('${ADDRESS_LOCK_NAMESPACE}'), hashtext(${email}))`;
}
