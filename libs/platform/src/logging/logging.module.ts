import { Module } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { AppConfig } from '../config/app-config.service';
import { prettyLogOptions, prettyLogStream } from './pretty-logs';
import { redactUrl } from './redact-url';
import { RequestContext } from './request-context';
import { requestIdFor } from './request-id';

/**
 * Structured JSON logs through pino. Each HTTP request gets an id (logged on every line it causes
 * and returned as X-Request-Id). Bodies, cookies and tokens are never logged: personal data stays
 * out of logs by construction, and the serializers below log ids and route shapes only. No header
 * is logged at all (Authorization, Cookie, and a Referer that may be someone's private link), and
 * the URL goes through redactUrl, which drops secrets whatever their case or escaping.
 *
 * Every line written while some request's work runs carries `requestId` (from the async
 * context): an api line inside a request, and a worker line inside a job that request caused.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig, RequestContext],
      useFactory: (config: AppConfig, context: RequestContext) => {
        const options: PinoHttpOptions = {
          level: config.get('LOG_LEVEL'),
          mixin: () => {
            const requestId = context.requestId;
            return requestId ? { requestId } : {};
          },
          genReqId: requestIdFor,
          customAttributeKeys: { reqId: 'requestId' },
          autoLogging: {
            ignore: (req: IncomingMessage) => req.url === '/health' || !!req.url?.startsWith('/assets/'),
          },
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              url: redactUrl(req.url),
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          redact: { paths: ['req.headers', 'res.headers'], remove: true },
        };
        return {
          pinoHttp:
            config.get('LOG_FORMAT') === 'pretty'
              ? [{ ...options, ...prettyLogOptions() }, prettyLogStream()]
              : options,
        };
      },
    }),
  ],
})
export class PlatformLoggingModule {}
