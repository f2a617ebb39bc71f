import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateVenueDto,
  ListVenuesQueryDto,
  toVenueView,
  UpdateVenueDto,
  VenuesService,
  type VenueView,
} from '@roundtable/events';
import type { Page } from '@roundtable/platform';
import { Authenticated, STAFF } from '../auth/roles.decorator';
import { uuidPipe } from '../http/uuid.pipe';

@ApiTags('venues')
@Controller('api/v1/venues')
@Authenticated(...STAFF)
export class VenuesController {
  constructor(private readonly venues: VenuesService) {}

  @Post()
  @ApiOperation({ summary: 'Add a venue' })
  async create(@Body() body: CreateVenueDto): Promise<VenueView> {
    return toVenueView(await this.venues.create(body));
  }

  @Get()
  @ApiOperation({ summary: 'List venues, by name' })
  async list(@Query() query: ListVenuesQueryDto): Promise<Page<VenueView>> {
    const page = await this.venues.list(query);
    return { items: page.items.map(toVenueView), total: page.total };
  }

  @Get(':id')
  async get(@Param('id', uuidPipe('venue')) id: string): Promise<VenueView> {
    return toVenueView(await this.venues.get(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a venue' })
  @ApiConflictResponse({ description: 'A lower capacity would overbook an upcoming event there.' })
  async update(@Param('id', uuidPipe('venue')) id: string, @Body() body: UpdateVenueDto): Promise<VenueView> {
    return toVenueView(await this.venues.update(id, body));
  }
}
