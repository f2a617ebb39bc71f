import type { IncomingMessage, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import pino from 'pino';
import { prettyLogOptions } from './pretty-logs';

/** A pino logger with the pretty format's hooks, writing JSON lines into an array. */
function loggerAt(level: string) {
  const lines: Array<{ level: number; msg: string }> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  const logger = pino({ level, hooks: prettyLogOptions().hooks }, stream);
  return { logger, lines };
}

describe('pretty logs (LOG_FORMAT=pretty)', () => {
  it("keeps Nest's start-up lines out at info, and shows them at debug", () => {
    const atInfo = loggerAt('info');
    atInfo.logger.info({ context: 'InstanceLoader' }, 'EventsModule dependencies initialized');
    atInfo.logger.info({ context: 'RouterExplorer' }, 'Mapped {/health, GET} route');
    atInfo.logger.info({ context: 'Worker' }, 'Worker ready');
    atInfo.logger.warn({ context: 'NestApplication' }, 'something to see');
    expect(atInfo.lines.map((line) => line.msg)).toEqual(['Worker ready', 'something to see']);

    const atDebug = loggerAt('debug');
    atDebug.logger.info({ context: 'InstanceLoader' }, 'EventsModule dependencies initialized');
    expect(atDebug.lines).toEqual([expect.objectContaining({ level: 20 })]);
  });

  it('logs a request at debug, a failed one as an error, on one line without its secrets', () => {
    const options = prettyLogOptions();
    const req = { method: 'GET', url: '/manage/rtm_secret123?email=jo@example.org' } as IncomingMessage;
    const ok = { statusCode: 200 } as ServerResponse;
    const failed = { statusCode: 500 } as ServerResponse;
    expect(options.customLogLevel!(req, ok, undefined)).toBe('debug');
    expect(options.customLogLevel!(req, { statusCode: 404 } as ServerResponse, undefined)).toBe('debug');
    expect(options.customLogLevel!(req, failed, undefined)).toBe('error');
    expect(options.customLogLevel!(req, ok, new Error('socket hang up'))).toBe('error');
    expect(options.customSuccessMessage!(req, ok, 12.4)).toBe('GET /manage/:token 200 12 ms');
    expect(options.customErrorMessage!(req, failed, new Error('x'))).toBe('GET /manage/:token 500');
  });
});
