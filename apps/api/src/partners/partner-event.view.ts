import { ApiProperty } from '@nestjs/swagger';
import { ACCESS_NEED_VALUES } from '@roundtable/registrations';
import type { PartnerEventSummary } from '@roundtable/partners';

class RegistrationCountsView {
  @ApiProperty({ example: 42 }) confirmed: number;
  @ApiProperty({ example: 5, description: 'The waitlist length' }) waitlisted: number;
  @ApiProperty({ example: 120 }) invited: number;
  @ApiProperty({ example: 8 }) declined: number;
  @ApiProperty({ example: 3 }) cancelled: number;
  @ApiProperty({ example: 0 }) attended: number;
}

/** A co-hosted event in the partner's portal: counts only, no one's details. */
export class PartnerEventView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['draft', 'published', 'cancelled'] }) status: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ type: Number, nullable: true }) capacity: number | null;
  @ApiProperty({ type: RegistrationCountsView }) counts: RegistrationCountsView;
  @ApiProperty({ example: 5 }) waitlistLength: number;

  @ApiProperty({
    description:
      'People asking for each access need, counting those confirmed and those on the waitlist. Every need is listed.',
    example: Object.fromEntries(ACCESS_NEED_VALUES.map((need) => [need, 0])),
  })
  accessNeedTotals: Record<string, number>;

  @ApiProperty({ example: 'confirmed and waitlisted', description: 'Whom accessNeedTotals counts.' })
  accessNeedTotalsCount: string;
}

export function toPartnerEventView(summary: PartnerEventSummary): PartnerEventView {
  return {
    id: summary.id,
    title: summary.title,
    status: summary.status,
    startsAt: summary.startsAt.toISOString(),
    endsAt: summary.endsAt.toISOString(),
    capacity: summary.capacity,
    counts: summary.counts,
    waitlistLength: summary.counts.waitlisted,
    accessNeedTotals: summary.accessNeedTotals,
    accessNeedTotalsCount: 'confirmed and waitlisted',
  };
}

export class PartnerContactView {
  @ApiProperty({ example: 'Sam Jones' }) name: string;
  @ApiProperty({ example: 'sam@example.org' }) email: string;
  @ApiProperty({ type: String, nullable: true, example: 'parent' }) role: string | null;
}
