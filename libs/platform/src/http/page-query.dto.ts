import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The furthest a list can be paged: past it the count is the better question. */
export const MAX_OFFSET = 100_000;

/**
 * A query string's whole number, converted only when it is written as one ("40", "-1"): "1e3",
 * "0x10", " 5", "true" and repeated parameters stay as they are, for IsInt to refuse by name.
 */
export const queryInteger = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value;

/** `?limit=&offset=` as every list in API.md takes them. */
export class PageQueryDto {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Transform(queryInteger)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(200, { message: 'limit must be at most 200' })
  limit: number = 50;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: MAX_OFFSET })
  @IsOptional()
  @Transform(queryInteger)
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0, { message: 'offset must be 0 or more' })
  @Max(MAX_OFFSET, { message: `offset must be at most ${MAX_OFFSET}` })
  offset: number = 0;
}

export interface Page<T> {
  items: T[];
  total: number;
}
