import { Logger, type ArgumentsHost } from '@nestjs/common';
import { EventNotFound, VenueClash } from '@roundtable/events';
import { CredentialsNotRight } from '@roundtable/identity';
import { DomainError, InvalidInput, ruleBroken, type DomainErrorKind } from '@roundtable/platform';
import type { Request, Response } from 'express';
import { HttpExceptionFilter } from './http-exception.filter';

/** What the filter sent: its status, body and headers, or the page it rendered. */
interface Answer {
  status?: number;
  json?: unknown;
  view?: string;
  locals?: Record<string, unknown>;
  headers: Record<string, string>;
}

/** A request to `path` and a response that records what the filter answers with. */
function answer(exception: unknown, path = '/api/v1/events/x'): Answer {
  const recorded: Answer = { headers: {} };
  const res = {
    headersSent: false,
    setHeader: (name: string, value: string) => (recorded.headers[name] = value),
    status(code: number) {
      recorded.status = code;
      return this;
    },
    json: (body: unknown) => (recorded.json = body),
    render: (view: string, locals: Record<string, unknown>) => Object.assign(recorded, { view, locals }),
    redirect: () => undefined,
  } as unknown as Response;
  const req = { path, method: 'GET', originalUrl: path } as Request;
  const host = {
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
  } as unknown as ArgumentsHost;
  new HttpExceptionFilter().catch(exception, host);
  return recorded;
}

describe('HttpExceptionFilter and domain errors', () => {
  const statusOf: Array<[DomainErrorKind, number, string]> = [
    ['invalid', 400, 'Bad Request'],
    ['unauthorised', 401, 'Unauthorized'],
    ['forbidden', 403, 'Forbidden'],
    ['not-found', 404, 'Not Found'],
    ['conflict', 409, 'Conflict'],
    ['gone', 410, 'Gone'],
  ];

  it.each(statusOf)('answers a %s error with %i and API.md’s shape', (kind, status, error) => {
    const answered = answer(new DomainError(kind, 'some-rule', 'say what to fix'));
    expect(answered.status).toBe(status);
    expect(answered.json).toEqual({ statusCode: status, error, message: 'say what to fix' });
  });

  it('lists every problem of bad input, as for a DTO’s validation errors', () => {
    const answered = answer(
      new InvalidInput([
        ruleBroken('ends-after-start', 'endsAt must be after startsAt', 'endsAt'),
        ruleBroken('starts-in-future', 'startsAt must be in the future', 'startsAt'),
      ]),
    );
    expect(answered.json).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: ['endsAt must be after startsAt', 'startsAt must be in the future'],
    });
  });

  it('says a library’s own errors in their own words', () => {
    expect(answer(new EventNotFound('e1')).json).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'no event with id e1',
    });
    expect(answer(new VenueClash(null)).status).toBe(409);
    expect(answer(new CredentialsNotRight()).status).toBe(401);
  });

  it('shows a page its refusal on the error page, not JSON', () => {
    const answered = answer(new EventNotFound('e1'), '/staff/events/e1');
    expect(answered).toMatchObject({
      status: 404,
      view: 'pages/error.njk',
      locals: { statusCode: 404, message: 'no event with id e1' },
    });
  });

  it('still answers an unexpected error with a 500 that reveals nothing', () => {
    // The stack is logged, as it should be; kept out of the test's output.
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const answered = answer(new Error('secret detail'));
    expect(answered.status).toBe(500);
    expect(JSON.stringify(answered.json)).not.toContain('secret detail');
    jest.restoreAllMocks();
  });
});
