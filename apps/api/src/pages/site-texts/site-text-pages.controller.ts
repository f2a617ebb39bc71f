import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  Param,
  Post,
  Query,
  Render,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { User } from '@roundtable/identity';
import { checkText } from '@roundtable/platform';
import type { Response } from 'express';
import { CurrentUser } from '../../auth/current-user.decorator';
import { CsrfGuard } from '../../auth/pages/csrf.guard';
import { StaffPageGuard } from '../../auth/pages/staff-page.guard';
import { toParagraphs } from '../../site-texts/site-text-defaults';
import { SITE_TEXT_MAX } from '../../site-texts/site-text.dto';
import { SiteTexts, type SiteTextView } from '../../site-texts/site-texts.service';
import { FormErrors, NO_ERRORS, type FormErrorsView } from '../forms/form-errors';

/** The privacy notice and accessibility statement, linked from every footer and public form. */
@ApiExcludeController()
@Controller()
export class PublicSiteTextPagesController {
  constructor(private readonly texts: SiteTexts) {}

  @Get('privacy')
  @Render('pages/site-texts/show.njk')
  privacy() {
    return this.page('privacy');
  }

  @Get('accessibility')
  @Render('pages/site-texts/show.njk')
  accessibility() {
    return this.page('accessibility');
  }

  private async page(key: 'privacy' | 'accessibility') {
    const text = await this.texts.get(key);
    return { pageTitle: text.title, blocks: toParagraphs(text.body), section: key };
  }
}

/** Admins change a page's text, or put the default back. Every change is audited. */
@ApiExcludeController()
@Controller('staff/site-texts')
@UseGuards(StaffPageGuard, CsrfGuard)
export class StaffSiteTextPagesController {
  constructor(private readonly texts: SiteTexts) {}

  @Get(':key')
  async edit(
    @Param('key') key: string,
    @Query() query: Record<string, unknown>,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    adminOnly(user);
    const text = await this.texts.get(key);
    this.render(
      res,
      200,
      text,
      text.body,
      NO_ERRORS,
      query.saved === '1' ? 'saved' : query.saved === 'reset' ? 'reset' : undefined,
    );
  }

  @Post(':key')
  async save(
    @Param('key') key: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    adminOnly(user);
    const text = await this.texts.get(key);
    const checked = checkText(body.body, { field: 'The text', max: SITE_TEXT_MAX, multiLine: true });
    if (!checked.ok) {
      const errors = new FormErrors().add(
        'body',
        checked.problem === 'empty' ? 'Enter the text of the page' : checked.message,
      );
      const shown = typeof body.body === 'string' ? body.body : '';
      this.render(res, 400, text, shown, errors.toView(['body']));
      return;
    }
    await this.texts.update(text.key, checked.value, user.id);
    res.redirect(303, `/staff/site-texts/${text.key}?saved=1`);
  }

  @Post(':key/reset')
  async reset(@Param('key') key: string, @CurrentUser() user: User, @Res() res: Response): Promise<void> {
    adminOnly(user);
    const text = await this.texts.reset(key, user.id);
    res.redirect(303, `/staff/site-texts/${text.key}?saved=reset`);
  }

  private render(
    res: Response,
    status: number,
    text: SiteTextView,
    body: string,
    errors: FormErrorsView,
    saved?: 'saved' | 'reset',
  ): void {
    res.status(status).render('pages/site-texts/edit.njk', { text, body, saved, ...errors });
  }
}

function adminOnly(user: User): void {
  if (user.role !== 'admin') throw new ForbiddenException('Only admins can change the site texts.');
}
