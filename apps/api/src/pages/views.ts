import type { NestExpressApplication } from '@nestjs/platform-express';
import { accessFeatureLabel, areaLabel, eventKindLabel } from '@roundtable/events';
import { telHref, type Office } from '@roundtable/notifications';
import express from 'express';
import nunjucks from 'nunjucks';
import { join } from 'node:path';
import { GOVUK_DIST_DIR, PUBLIC_DIR, VIEWS_DIR } from './project-paths';
import { choiceItems, dateItems } from './view-helpers';

/**
 * Server-rendered pages with GOV.UK Frontend's Nunjucks components: accessible by default and
 * working without JavaScript. The crown and GOV.UK branding are not used; our own header and
 * colours come from /public/roundtable.css.
 */
export function useViews(
  app: NestExpressApplication,
  options: { cache: boolean; reloadTemplates: boolean; office: Office },
): void {
  const env = nunjucks.configure([VIEWS_DIR, GOVUK_DIST_DIR], {
    autoescape: true,
    // Re-reading and compiling every template (GOV.UK's macros too) on each render is for someone
    // editing them; otherwise it costs each page far more than its data does.
    noCache: options.reloadTemplates,
    express: app.getHttpAdapter().getInstance(),
  });
  env.addFilter('areaLabel', areaLabel);
  env.addFilter('accessFeatureLabel', accessFeatureLabel);
  env.addFilter('eventKindLabel', eventKindLabel);
  env.addGlobal('dateItems', dateItems);
  env.addGlobal('choiceItems', choiceItems);
  // Who runs the site, for every page's footer and every "contact the office" (views/partials/office-contact.njk).
  env.addGlobal('office', { ...options.office, phoneHref: telHref(options.office.phone) });
  app.setBaseViewsDir(VIEWS_DIR);
  app.setViewEngine('njk');

  const assets = { immutable: options.cache, maxAge: options.cache ? '7d' : 0 };
  app.use('/assets', express.static(join(GOVUK_DIST_DIR, 'govuk/assets'), assets));
  app.use('/govuk', express.static(join(GOVUK_DIST_DIR, 'govuk'), { ...assets, index: false }));
  app.use('/public', express.static(PUBLIC_DIR, assets));
}
