export interface Contact {
  name: string;
  email: string;
}

/** The invite list: `count` people, each with an address no other uses. */
export function contacts(count: number): Contact[] {
  return Array.from({ length: count }, (_, n) => ({
    name: `Invited Carer ${n + 1}`,
    email: `invited.${n + 1}@example.org`,
  }));
}
