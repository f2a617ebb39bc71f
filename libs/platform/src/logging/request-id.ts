import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Each request's id, made once: pino-http and the async context both ask, in either order. */
const assigned = new WeakMap<IncomingMessage, string>();

/** Whether an id is safe to echo in a header and write to a log and the ledger. */
export function isSafeRequestId(id: unknown): id is string {
  return typeof id === 'string' && SAFE_REQUEST_ID.test(id);
}

/** Reuses a caller's X-Request-Id when it is safe to echo, else makes one; always sent back. */
export function requestIdFor(req: IncomingMessage, res: ServerResponse): string {
  const known = assigned.get(req);
  if (known) return known;
  const incoming = req.headers['x-request-id'];
  const id = isSafeRequestId(incoming) ? incoming : randomUUID();
  assigned.set(req, id);
  res.setHeader('X-Request-Id', id);
  return id;
}
