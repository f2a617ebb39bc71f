import type { CohostsReader } from '@roundtable/partners';

/** A form's id field: a UUID, or it names nothing (and must not reach a uuid column). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The staff event page's "Co-hosts" section: who co-hosts, and the approved partners to add. */
export async function cohostSection(reader: CohostsReader, eventId: string) {
  const [cohosts, approved] = await Promise.all([reader.forEvent(eventId), reader.approvedPartners()]);
  const named = new Set(cohosts.map((cohost) => cohost.id));
  return {
    cohosts,
    partnerChoices: approved
      .filter((partner) => !named.has(partner.id))
      .map((partner) => ({ value: partner.id, text: partner.name })),
  };
}
