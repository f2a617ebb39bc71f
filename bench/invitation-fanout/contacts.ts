import { spelt } from '../support/spelt';

export interface Contact {
  name: string;
  email: string;
}

/** The invite list: `count` people, each with an address no other uses. */
export function contacts(count: number): Contact[] {
  return Array.from({ length: count }, (_, n) => ({
    // A name may not hold digits: the number spelt in letters keeps each one distinct.
    name: `Invited Carer ${spelt(n + 1)}`,
    email: `invited.${n + 1}@example.org`,
  }));
}
