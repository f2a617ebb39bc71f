import type { NestExpressApplication } from '@nestjs/platform-express';
import { officeFromConfig } from '@roundtable/notifications';
import { AppConfig } from '@roundtable/platform';
import cookieParser from 'cookie-parser';
import { Logger } from 'nestjs-pino';
import { useBodyParsing } from './http/body-parsing';
import { HttpExceptionFilter } from './http/http-exception.filter';
import { useOpenApi } from './http/openapi';
import { usePublicReadCache } from './http/public-read-cache/use-public-read-cache';
import { useSecurityHeaders } from './http/security-headers';
import { validationPipe } from './http/validation';
import { useViews } from './pages/views';

/**
 * Everything about the HTTP app that is not a module: used by main.ts and by the tests, so the
 * tests run exactly what production runs.
 */
export function configureApi(app: NestExpressApplication): void {
  const config = app.get(AppConfig);
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  if (config.get('TRUST_PROXY') > 0) app.set('trust proxy', config.get('TRUST_PROXY'));
  useSecurityHeaders(app);
  usePublicReadCache(app);
  useBodyParsing(app, {
    body: config.get('BODY_LIMIT'),
    invitations: config.get('INVITATIONS_BODY_LIMIT'),
  });
  app.use(cookieParser());
  useViews(app, {
    cache: config.isProduction,
    reloadTemplates: config.get('NODE_ENV') === 'development',
    office: officeFromConfig(config),
  });
  app.useGlobalPipes(validationPipe);
  app.useGlobalFilters(new HttpExceptionFilter());
  useOpenApi(app);
}
