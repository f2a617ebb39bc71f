import { Global, Module } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ClsModule } from 'nestjs-cls';
import { RequestContext, REQUEST_ID_KEY } from './request-context';
import { requestIdFor } from './request-id';

/**
 * Opens an async context for every HTTP request (nestjs-cls's middleware) holding the same
 * request id pino-http logs and sends back as X-Request-Id. The worker has no HTTP: it opens
 * one context per job instead (RequestContext.run).
 */
@Global()
@Module({
  imports: [
    ClsModule.forRoot({
      global: true,
      middleware: {
        mount: true,
        setup: (cls, req: IncomingMessage, res: ServerResponse) => {
          cls.set(REQUEST_ID_KEY, requestIdFor(req, res));
        },
      },
    }),
  ],
  providers: [RequestContext],
  exports: [RequestContext],
})
export class PlatformRequestContextModule {}
