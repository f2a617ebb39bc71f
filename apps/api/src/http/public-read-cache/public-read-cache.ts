import { Clock } from '@roundtable/platform';
import type { NextFunction, Request, Response } from 'express';
import { LRUCache } from 'lru-cache';
import type { PublicReadChanges } from './public-read-changes';

/** The reads a crowd makes: the events list and an event's page, as pages and as JSON. */
const CACHED: readonly RegExp[] = [
  /^\/events\/?$/i,
  /^\/events\/[0-9a-f-]{36}\/?$/i,
  /^\/api\/v1\/public\/events\/?$/i,
  /^\/api\/v1\/public\/events\/[0-9a-f-]{36}\/?$/i,
];

/** A signed-in member of staff or partner sees their own header: never served from or into the cache. */
const SIGNED_IN = /(^|;\s*)(__Host-)?rt_session=/;

/** Query strings vary (area, page, and whatever someone types): the cache holds at most this many. */
const MOST_ENTRIES = 500;

interface CachedReply {
  version: number;
  renderedAt: number;
  contentType: string;
  /**
   * The body as UTF-8, cut where the CSP nonce it was rendered with stood: each reuse writes the
   * pieces with its own nonce between them, so a hit copies nothing (a page is tens of kilobytes,
   * and a new string and buffer of it on every hit were most of the api's memory under a crowd).
   */
  pieces: Buffer[];
  bytes: number;
}

function cutAtNonce(body: string, nonce: string): Pick<CachedReply, 'pieces' | 'bytes'> {
  const pieces = body.split(nonce).map((piece) => Buffer.from(piece, 'utf8'));
  return { pieces, bytes: pieces.reduce((sum, piece) => sum + piece.length, 0) };
}

/**
 * Keeps the rendered public list and event pages (and their JSON) for PUBLIC_PAGE_CACHE_SECONDS,
 * under the version PublicReadChanges raises whenever a table they read changes, so a reply is
 * reused only while nothing it shows (an event's time, place, capacity, places taken, status,
 * co-hosts, venue) has changed. The age limit covers what time alone changes: an event ending
 * drops off the list, registration closing at the start. Age is read from the app's Clock.
 *
 * Served before Nest's router, so a hit costs no validation, no queries and no rendering; it is
 * not counted against the public rate limit (it costs less than refusing it would). Only 200s
 * without a Set-Cookie are kept; signed-in requests always go through.
 */
export function publicReadCache(changes: PublicReadChanges, clock: Clock, seconds: number) {
  const entries = new LRUCache<string, CachedReply>({ max: MOST_ENTRIES });
  const maxAgeMs = seconds * 1000;

  /**
   * Renders under way, by key: when a page has just been let go, the crowd reading it waits for
   * one render instead of each starting its own (each would cost a render and queries).
   */
  const rendering = new Map<string, Promise<CachedReply | undefined>>();

  /** Nothing it shows has changed since it was rendered, and it is younger than `ageMs`. */
  const current = (reply: CachedReply | undefined, now: number, ageMs: number): reply is CachedReply =>
    reply !== undefined && reply.version === changes.version && Math.abs(now - reply.renderedAt) < ageMs;
  const fresh = (reply: CachedReply | undefined, now: number): reply is CachedReply =>
    current(reply, now, maxAgeMs);
  /** Let go by age alone, not so long ago that it may still stand in while it is rendered anew. */
  const agedOnly = (reply: CachedReply | undefined, now: number): reply is CachedReply =>
    current(reply, now, 2 * maxAgeMs);

  const serve = (res: Response, reply: CachedReply) => {
    const nonce = Buffer.from(res.locals.cspNonce as string, 'latin1');
    res.statusCode = 200;
    res.setHeader('Content-Type', reply.contentType);
    res.setHeader('Content-Length', reply.bytes + nonce.length * (reply.pieces.length - 1));
    // Corked, the headers and every piece leave in one write; end() uncorks.
    res.cork();
    reply.pieces.forEach((piece, index) => {
      if (index > 0) res.write(nonce);
      if (piece.length > 0) res.write(piece);
    });
    res.end();
  };

  return function servePublicRead(req: Request, res: Response, next: NextFunction): void {
    if (req.method !== 'GET' || !changes.listening || !CACHED.some((route) => route.test(req.path))) {
      return next();
    }
    if (SIGNED_IN.test(req.headers.cookie ?? '')) return next();
    const key = req.originalUrl;
    const now = clock.now().getTime();
    const hit = entries.get(key);
    if (fresh(hit, now)) return serve(res, hit);

    const underway = rendering.get(key);
    if (underway) {
      // Only age let it go (nothing it shows has changed): while one request renders it anew, the
      // rest have it as it was a moment ago rather than queue, up to twice the age limit.
      if (agedOnly(hit, now)) return serve(res, hit);
      void underway.then((reply) => (fresh(reply, clock.now().getTime()) ? serve(res, reply) : next()));
      return;
    }
    let settle!: (reply: CachedReply | undefined) => void;
    const rendered = new Promise<CachedReply | undefined>((resolve) => (settle = resolve));
    rendering.set(key, rendered);
    const done = (reply: CachedReply | undefined) => {
      if (rendering.get(key) === rendered) rendering.delete(key);
      settle(reply);
    };
    // An error page, a client gone before the reply: whoever waits renders for themselves.
    res.once('close', () => done(undefined));

    const version = changes.version;
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      // An object goes on to res.json, which comes back here with its text.
      if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body)) return send(body);
      const keep =
        res.statusCode === 200 &&
        typeof body === 'string' &&
        !res.getHeader('set-cookie') &&
        changes.listening &&
        changes.version === version;
      if (keep) {
        const contentType = String(res.getHeader('content-type') ?? 'text/html; charset=utf-8');
        const reply = {
          version,
          renderedAt: now,
          contentType,
          ...cutAtNonce(body, res.locals.cspNonce as string),
        };
        entries.set(key, reply);
        done(reply);
      } else {
        done(undefined);
      }
      return send(body);
    };
    next();
  };
}
