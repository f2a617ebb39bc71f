import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';

/** The key under which the request id lives in the async context (nestjs-cls). */
export const REQUEST_ID_KEY = 'requestId';

/**
 * The id of the HTTP request the running code works for, carried in async context from the
 * request's first middleware to everything it causes: the ledger writes it on the rows it plans,
 * the outbox puts it on their jobs, and the worker runs each job in a context of its own with the
 * row's id, so every log line of that job carries it. No service passes it by hand.
 */
@Injectable()
export class RequestContext {
  constructor(private readonly cls: ClsService) {}

  /** The current request's id; null outside a request (a sweep, the command line, a test). */
  get requestId(): string | null {
    if (!this.cls.isActive()) return null;
    return this.cls.get<string | undefined>(REQUEST_ID_KEY) ?? null;
  }

  /** Runs `work` in a context of its own that carries `requestId` (the worker does, per job). */
  run<T>(requestId: string | null | undefined, work: () => Promise<T>): Promise<T> {
    return this.cls.run(() => {
      if (requestId) this.cls.set(REQUEST_ID_KEY, requestId);
      return work();
    });
  }
}
