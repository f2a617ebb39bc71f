import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { MultiLineText, PageQueryDto, SingleLineText } from '@roundtable/platform';
import { AREA_VALUES } from '../areas';
import { EVENT_KIND_VALUES, EVENT_STATUSES } from '../event-kinds';
import { IsIsoTimeWithOffset } from './validators';

/** The longest an event's title and description may be, in characters. */
export const EVENT_TITLE_MAX = 200;
export const EVENT_DESCRIPTION_MAX = 10_000;

export class CreateEventDto {
  @ApiProperty({
    example: 'Waiting for an EHC plan: a listening event for Halesowen families',
    maxLength: EVENT_TITLE_MAX,
    description: 'One line of text: no line breaks, control or invisible formatting characters.',
  })
  @SingleLineText({ max: EVENT_TITLE_MAX })
  title: string;

  @ApiProperty({ enum: EVENT_KIND_VALUES })
  @IsIn(EVENT_KIND_VALUES, { message: `kind must be one of: ${EVENT_KIND_VALUES.join(', ')}` })
  kind: string;

  @ApiPropertyOptional({
    default: '',
    maxLength: EVENT_DESCRIPTION_MAX,
    description:
      'Paragraphs: line breaks and tabs are kept; no other control or invisible formatting characters.',
  })
  @ValidateIf((_, value) => value !== undefined)
  @MultiLineText({ max: EVENT_DESCRIPTION_MAX, allowEmpty: true })
  description?: string;

  @ApiProperty({
    example: '2026-03-28T10:00:00Z',
    description: 'ISO 8601 with an offset; in the future and at most 5 years ahead.',
  })
  @IsIsoTimeWithOffset()
  startsAt: string;

  @ApiProperty({ example: '2026-03-28T12:00:00Z' })
  @IsIsoTimeWithOffset()
  endsAt: string;

  @ApiPropertyOptional({
    description: 'The venue; leave out (or null) for an online-only event.',
    nullable: true,
  })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsUUID('all', { message: 'venueId must be the id of a venue' })
  venueId?: string | null;

  @ApiPropertyOptional({
    description: 'The joining link for an online or hybrid event (https).',
    nullable: true,
  })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsUrl(
    { protocols: ['https'], require_protocol: true },
    { message: 'onlineUrl must be an https:// link, such as https://meet.example.org/abc' },
  )
  @MaxLength(2000, { message: 'onlineUrl must be at most 2000 characters' })
  // isURL lets controls and invisible characters through; a joining link has none.
  @Matches(/^[^\p{Cc}\p{Cf}\s]*$/u, {
    message: 'onlineUrl must not contain spaces, control or invisible characters',
  })
  onlineUrl?: string | null;

  @ApiPropertyOptional({
    description: 'Defaults to the venue capacity and may not exceed it.',
    nullable: true,
  })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  // No conversion: a JSON true or "40" is not a capacity, and saying so beats storing 1.
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1, { message: 'capacity must be at least 1' })
  @Max(100_000, { message: 'capacity must be at most 100000' })
  capacity?: number | null;

  @ApiPropertyOptional({
    example: ['P7D', 'P1D', 'PT2H'],
    description: 'ISO 8601 durations before the start.',
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsArray({ message: 'reminderOffsets must be a list such as ["P7D","P1D","PT2H"]' })
  @ArrayMaxSize(10, { message: 'reminderOffsets can list at most 10 reminders' })
  @IsString({ each: true, message: 'each of reminderOffsets must be text such as P1D' })
  @MaxLength(20, { each: true, message: 'each of reminderOffsets must be a duration such as P1D' })
  reminderOffsets?: string[];

  @ApiPropertyOptional({
    description: 'The campaign the event belongs to; leave out or null for none.',
    nullable: true,
  })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsUUID('all', { message: 'campaignId must be the id of a campaign' })
  campaignId?: string | null;
}

/** Every field may be left out; null only where null means something (no venue, no link, default capacity). */
export class UpdateEventDto extends PartialType(CreateEventDto, { skipNullProperties: false }) {}

export class CancelEventDto {
  @ApiProperty({ example: 'The venue has flooded; we will arrange a new date.', maxLength: 1000 })
  @MultiLineText({ max: 1000 })
  reason: string;
}

export class ListPublicEventsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: AREA_VALUES })
  @IsOptional()
  @IsIn(AREA_VALUES, { message: `area must be one of: ${AREA_VALUES.join(', ')}` })
  area?: string;

  @ApiPropertyOptional({ enum: EVENT_KIND_VALUES })
  @IsOptional()
  @IsIn(EVENT_KIND_VALUES, { message: `kind must be one of: ${EVENT_KIND_VALUES.join(', ')}` })
  kind?: string;
}

/** The staff list takes the public list's filters, and time and status besides. */
export class ListEventsQueryDto extends ListPublicEventsQueryDto {
  @ApiPropertyOptional({ description: 'Events ending at or after this time.' })
  @IsOptional()
  @IsIsoTimeWithOffset()
  from?: string;

  @ApiPropertyOptional({ description: 'Events starting before this time.' })
  @IsOptional()
  @IsIsoTimeWithOffset()
  to?: string;

  @ApiPropertyOptional({ description: "Only this campaign's events." })
  @IsOptional()
  @IsUUID('all', { message: 'campaignId must be the id of a campaign' })
  campaignId?: string;

  @ApiPropertyOptional({ enum: EVENT_STATUSES })
  @IsOptional()
  @IsIn(EVENT_STATUSES, { message: `status must be one of: ${EVENT_STATUSES.join(', ')}` })
  status?: string;
}
