import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, Clock } from '@roundtable/platform';
import { publicReadCache } from './public-read-cache';
import { PublicReadChanges } from './public-read-changes';

/** Mounts the public page cache when PUBLIC_PAGE_CACHE_SECONDS is above 0 (after the CSP nonce is made). */
export function usePublicReadCache(app: NestExpressApplication): void {
  const seconds = app.get(AppConfig).get('PUBLIC_PAGE_CACHE_SECONDS');
  if (seconds <= 0) return;
  app.use(publicReadCache(app.get(PublicReadChanges), app.get(Clock), seconds));
}
