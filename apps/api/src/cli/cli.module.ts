import { Module } from '@nestjs/common';
import { CampaignsModule } from '@roundtable/campaigns';
import { EventsModule } from '@roundtable/events';
import { IdentityModule } from '@roundtable/identity';
import { PlatformModule } from '@roundtable/platform';
import { RegistrationsModule } from '@roundtable/registrations';
import { TestimonyModule } from '@roundtable/testimony';
import { DemoSeeder } from './demo-seeder';
import { DemoTestimony } from './demo-testimony';

/** What the command line needs: the platform (which applies migrations on start) and the domains. */
@Module({
  imports: [
    PlatformModule.forRoot(),
    IdentityModule,
    EventsModule,
    RegistrationsModule,
    CampaignsModule,
    TestimonyModule,
  ],
  providers: [DemoSeeder, DemoTestimony],
})
export class CliModule {}
