import { ApiProperty } from '@nestjs/swagger';

/** A co-host as the event's pages and JSON name it: the organisation, never its contact. */
export class CohostView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Halesowen Parent Carer Forum' })
  name: string;
}

export class EventCohostsView {
  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ type: [CohostView] })
  cohosts: CohostView[];

  @ApiProperty({ description: 'False when the partner already co-hosted (or did not): nothing changed.' })
  changed: boolean;
}

/** A co-host request as staff and the asking partner see it. */
export class CohostRequestView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty()
  eventTitle: string;

  @ApiProperty({ description: 'When the event starts (UTC).' })
  eventStartsAt: string;

  @ApiProperty({ format: 'uuid' })
  partnerId: string;

  @ApiProperty()
  partnerName: string;

  @ApiProperty()
  message: string;

  @ApiProperty({ enum: ['pending', 'accepted', 'declined'] })
  status: string;

  @ApiProperty({ nullable: true, type: String })
  declineReason: string | null;

  @ApiProperty({ nullable: true, type: String })
  decidedAt: string | null;

  @ApiProperty()
  createdAt: string;
}
