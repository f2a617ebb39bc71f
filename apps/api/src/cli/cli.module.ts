import { Module } from '@nestjs/common';
import { EventsModule } from '@roundtable/events';
import { IdentityModule } from '@roundtable/identity';
import { PlatformModule } from '@roundtable/platform';
import { RegistrationsModule } from '@roundtable/registrations';
import { DemoSeeder } from './demo-seeder';

/** What the command line needs: the platform (which applies migrations on start) and the domains. */
@Module({
  imports: [PlatformModule.forRoot(), IdentityModule, EventsModule, RegistrationsModule],
  providers: [DemoSeeder],
})
export class CliModule {}
