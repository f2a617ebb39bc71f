import { normaliseEmail } from '@roundtable/platform';
import { createHash } from 'node:crypto';

/**
 * The unsubscribe list's key for an address: hex SHA-256 of the normalised address, so capitals
 * and spaces never let an invitation past someone who opted out.
 */
export function addressHash(email: string): string {
  return createHash('sha256').update(normaliseEmail(email)).digest('hex');
}
