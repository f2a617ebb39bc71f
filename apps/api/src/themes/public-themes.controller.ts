import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQueryDto, type Page } from '@roundtable/platform';
import { ThemesService, toPublicThemeView, type PublicThemeView } from '@roundtable/testimony';
import { PublicRateLimit } from '../http/throttling';

@ApiTags('public')
@Controller('api/v1/public/themes')
@PublicRateLimit()
export class PublicThemesController {
  constructor(private readonly themes: ThemesService) {}

  @Get()
  @ApiOperation({ summary: 'The themes the testimony form offers: active ones, by name with "Other" last' })
  async list(@Query() query: PageQueryDto): Promise<Page<PublicThemeView>> {
    const page = await this.themes.listActive(query);
    return { items: page.items.map(toPublicThemeView), total: page.total };
  }
}
