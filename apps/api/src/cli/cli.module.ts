import { Module } from '@nestjs/common';
import { EventsModule } from '@roundtable/events';
import { IdentityModule } from '@roundtable/identity';
import { PlatformModule } from '@roundtable/platform';
import { DemoSeeder } from './demo-seeder';

/** What the command line needs: the platform (which applies migrations on start) and the domains. */
@Module({
  imports: [PlatformModule.forRoot(), IdentityModule, EventsModule],
  providers: [DemoSeeder],
})
export class CliModule {}
