import { formatLondonRange } from '@roundtable/platform';
import { accessNeedLabel, ATTENDEE_ROLES } from '@roundtable/registrations';
import { COUNTED_STATUSES, type PartnerContact, type PartnerEventSummary } from '@roundtable/partners';
import { REGISTRATION_STATUS_LABELS } from '../registrations/lists/registration-labels';

const EVENT_STATUS_LABELS: Record<string, string> = {
  draft: 'Not published yet',
  published: 'Published',
  cancelled: 'Cancelled',
};

/** A co-hosted event as the partner pages show it: words for every count, UK times. */
export interface PartnerEventPageView {
  id: string;
  title: string;
  when: string;
  statusLabel: string;
  published: boolean;
  capacity: number | null;
  confirmed: number;
  waitlisted: number;
  counts: Array<{ label: string; count: number }>;
  /** Only the needs someone asks for, largest first. */
  accessNeeds: Array<{ label: string; count: number }>;
}

export function partnerEventPageView(summary: PartnerEventSummary): PartnerEventPageView {
  return {
    id: summary.id,
    title: summary.title,
    when: formatLondonRange(summary.startsAt, summary.endsAt),
    statusLabel: EVENT_STATUS_LABELS[summary.status] ?? summary.status,
    published: summary.status === 'published',
    capacity: summary.capacity,
    confirmed: summary.counts.confirmed,
    waitlisted: summary.counts.waitlisted,
    counts: COUNTED_STATUSES.map((status) => ({
      label: REGISTRATION_STATUS_LABELS[status] ?? status,
      count: summary.counts[status],
    })),
    accessNeeds: Object.entries(summary.accessNeedTotals)
      .filter(([, count]) => count > 0)
      .sort(([, a], [, b]) => b - a)
      .map(([need, count]) => ({ label: accessNeedLabel(need), count })),
  };
}

export function partnerContactPageView(contact: PartnerContact) {
  return {
    name: contact.name,
    email: contact.email,
    roleLabel: ATTENDEE_ROLES.find((role) => role.value === contact.role)?.label ?? 'Not given',
  };
}
