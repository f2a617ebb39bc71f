import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { User } from '@roundtable/identity';
import { CurrentUser } from '../auth/current-user.decorator';
import { Authenticated } from '../auth/roles.decorator';
import { SITE_TEXT_KEYS } from './site-text-defaults';
import { SiteTextDto, UpdateSiteTextDto } from './site-text.dto';
import { SiteTexts, type SiteTextView } from './site-texts.service';

const KEY_PARAM = { name: 'key', enum: SITE_TEXT_KEYS, example: 'privacy' } as const;

/** The privacy notice and accessibility statement's text, for admins (the pages are public). */
@ApiTags('site texts')
@Controller('api/v1/site-texts')
@Authenticated('admin')
export class SiteTextsController {
  constructor(private readonly texts: SiteTexts) {}

  @Get()
  @ApiOperation({
    summary: 'The privacy notice and accessibility statement: current text, and whether it is the default',
  })
  @ApiOkResponse({ type: [SiteTextDto] })
  list(): Promise<SiteTextView[]> {
    return this.texts.list();
  }

  @Put(':key')
  @ApiOperation({ summary: "Replace a page's text (audited as site-text.update)" })
  @ApiParam(KEY_PARAM)
  @ApiOkResponse({ type: SiteTextDto })
  @ApiNotFoundResponse({ description: 'No site text by that key.' })
  update(
    @Param('key') key: string,
    @Body() body: UpdateSiteTextDto,
    @CurrentUser() user: User,
  ): Promise<SiteTextView> {
    return this.texts.update(key, body.body, user.id);
  }

  @Delete(':key')
  @ApiOperation({ summary: "Put a page's default text back (audited as site-text.update)" })
  @ApiParam(KEY_PARAM)
  @ApiOkResponse({ type: SiteTextDto })
  @ApiNotFoundResponse({ description: 'No site text by that key.' })
  reset(@Param('key') key: string, @CurrentUser() user: User): Promise<SiteTextView> {
    return this.texts.reset(key, user.id);
  }
}
