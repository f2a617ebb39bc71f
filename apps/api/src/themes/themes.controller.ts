import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { PageQueryDto, type Page } from '@roundtable/platform';
import {
  CreateThemeDto,
  MergeThemeDto,
  ThemesService,
  toThemeView,
  UpdateThemeDto,
  type ThemeView,
} from '@roundtable/testimony';
import { Authenticated, STAFF } from '../auth/roles.decorator';
import { uuidPipe } from '../http/uuid.pipe';

@ApiTags('themes')
@Controller('api/v1/themes')
@Authenticated(...STAFF)
export class ThemesController {
  constructor(private readonly themes: ThemesService) {}

  @Get()
  @ApiOperation({ summary: 'Every theme, retired and merged ones too, by name with "Other" last' })
  async list(@Query() query: PageQueryDto): Promise<Page<ThemeView>> {
    const page = await this.themes.listAll(query);
    return { items: page.items.map(toThemeView), total: page.total };
  }

  @Post()
  @ApiOperation({ summary: 'Add a theme; its slug is made from the name and kept through renames' })
  @ApiCreatedResponse({ description: 'The new theme, active.' })
  @ApiConflictResponse({ description: 'A theme (active or retired) already has that name or slug.' })
  async create(@Body() body: CreateThemeDto): Promise<ThemeView> {
    return toThemeView(await this.themes.create(body));
  }

  @Get(':id')
  async get(@Param('id', uuidPipe('theme')) id: string): Promise<ThemeView> {
    return toThemeView(await this.themes.get(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename a theme or change its description; the id and slug stay' })
  @ApiConflictResponse({ description: 'Another theme already has that name.' })
  async update(@Param('id', uuidPipe('theme')) id: string, @Body() body: UpdateThemeDto): Promise<ThemeView> {
    return toThemeView(await this.themes.update(id, body));
  }

  @Post(':id/retire')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take a theme off the public form; testimony tagged with it keeps the tag' })
  @ApiConflictResponse({ description: 'The theme is already retired.' })
  async retire(@Param('id', uuidPipe('theme')) id: string): Promise<ThemeView> {
    return toThemeView(await this.themes.retire(id));
  }

  @Post(':id/merge')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Merge a theme into another: it is retired, pointing at the theme that took it in',
  })
  @ApiBadRequestResponse({ description: 'intoId is this theme, or no theme.' })
  @ApiConflictResponse({
    description:
      'This theme is already retired, the other one is retired, or themes were merged into this one (a merge is one step).',
  })
  async merge(@Param('id', uuidPipe('theme')) id: string, @Body() body: MergeThemeDto): Promise<ThemeView> {
    return toThemeView(await this.themes.merge(id, body.intoId));
  }
}
