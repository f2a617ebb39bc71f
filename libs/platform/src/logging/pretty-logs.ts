import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Options } from 'pino-http';
import pretty from 'pino-pretty';
import { redactUrl } from './redact-url';

/**
 * Nest's start-up chatter: a line per module and per route (about 150 of them), which pushes
 * `npm start`'s banner off the screen. In pretty logs these are debug lines.
 */
const START_UP_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

const INFO = 30;

function isStartUpChatter(first: unknown): boolean {
  const context = (first as { context?: unknown } | null)?.context;
  return typeof context === 'string' && START_UP_CONTEXTS.has(context);
}

/**
 * LOG_FORMAT=pretty (what `npm start` sets): short lines for a person at a terminal. Each request
 * is one line at debug (LOG_LEVEL=debug to see them), a failed one an error; warnings and errors
 * always show. Production keeps JSON, one object a line, for machines.
 */
export function prettyLogOptions(): Options {
  return {
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
      error || res.statusCode >= 500 ? 'error' : 'debug',
    customSuccessMessage: (req: IncomingMessage, res: ServerResponse, responseTime: number) =>
      `${req.method} ${redactUrl(req.url ?? '')} ${res.statusCode} ${Math.round(responseTime)} ms`,
    customErrorMessage: (req: IncomingMessage, res: ServerResponse) =>
      `${req.method} ${redactUrl(req.url ?? '')} ${res.statusCode}`,
    hooks: {
      logMethod(args, method, level) {
        if (level === INFO && isStartUpChatter(args[0])) {
          this.debug(...args);
          return;
        }
        method.apply(this, args);
      },
    },
  };
}

/** Where pretty lines go: stdout, written at once (no worker thread), one line each. */
export function prettyLogStream(): pretty.PrettyStream {
  return pretty({
    sync: true,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    // Ids a person at a terminal does not need; the JSON format keeps them all.
    ignore: 'pid,hostname,context,req,res,responseTime,requestId',
    messageFormat: '{if context}{context}: {end}{msg}',
  });
}
