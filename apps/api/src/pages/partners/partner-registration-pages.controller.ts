import { Body, Controller, Get, Logger, Post, Render, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PartnerRegistration } from '@roundtable/partners';
import type { Response } from 'express';
import { CsrfGuard } from '../../auth/pages/csrf.guard';
import { PublicRateLimit } from '../../http/throttling';
import { NO_ERRORS, type FormErrorsView } from '../forms/form-errors';
import { explainRefusal } from '../forms/service-errors';
import {
  areaItems,
  checkPartnerForm,
  EMPTY_PARTNER_FORM,
  PARTNER_FORM_FIELDS,
  readPartnerForm,
  type PartnerFormValues,
} from './partner-registration-form';

/**
 * The public form an organisation registers with. It lands as pending; staff are emailed. A
 * charity number or contact already registered is said plainly, without naming who has it.
 */
@ApiExcludeController()
@Controller('partners/register')
@PublicRateLimit()
@UseGuards(CsrfGuard)
export class PartnerRegistrationPagesController {
  private readonly logger = new Logger(PartnerRegistrationPagesController.name);

  constructor(private readonly registration: PartnerRegistration) {}

  @Get()
  form(@Res() res: Response): void {
    this.render(res, 200, EMPTY_PARTNER_FORM, NO_ERRORS);
  }

  @Post()
  async submit(@Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const values = readPartnerForm(body);
    const { input, errors } = await checkPartnerForm(values);
    if (!errors.any) {
      try {
        const { id } = await this.registration.register(input);
        this.logger.log(`partner ${id} registered through the public form`);
        res.redirect(303, '/partners/register/sent');
        return;
      } catch (error) {
        const status = explainRefusal(error, errors, {
          fields: { charityNumber: 'charityNumber', contactEmail: 'contactEmail' },
        });
        this.render(res, status, values, errors.toView(PARTNER_FORM_FIELDS));
        return;
      }
    }
    this.render(res, 400, values, errors.toView(PARTNER_FORM_FIELDS));
  }

  @Get('sent')
  @Render('pages/partners/register-sent.njk')
  sent() {
    return {};
  }

  private render(res: Response, status: number, form: PartnerFormValues, errors: FormErrorsView): void {
    res
      .status(status)
      .render('pages/partners/register.njk', { form, areaItems: areaItems(form.areas), ...errors });
  }
}
