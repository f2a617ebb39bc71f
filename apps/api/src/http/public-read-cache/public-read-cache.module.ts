import { Module } from '@nestjs/common';
import { PublicReadChanges } from './public-read-changes';

/** The listener that tells the public page cache (see public-read-cache.ts) when to let go. */
@Module({ providers: [PublicReadChanges], exports: [PublicReadChanges] })
export class PublicReadCacheModule {}
