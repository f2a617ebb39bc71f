import { Module } from '@nestjs/common';
import { PlatformModule } from '@roundtable/platform';
import { TestimonyModule } from '@roundtable/testimony';

/**
 * What `reencrypt-testimony` needs. Kept apart from CliModule so `migrate` and the other commands
 * still run where TESTIMONY_KEYS is not set (the cipher refuses to build without keys).
 */
@Module({ imports: [PlatformModule.forRoot(), TestimonyModule] })
export class TestimonyCliModule {}
