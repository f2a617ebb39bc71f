import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { IdentityModule } from '@roundtable/identity';
import { REGISTRATIONS_QUEUE } from './registration-jobs';
import { RegistrationRetention } from './registration-retention';
import { RegistrationRetentionSchedule } from './registration-retention-schedule';
import { RegistrationsProcessor } from './registrations.processor';

/** Erases registrations' personal data once their event is long over, on a queue of its own. */
@Module({
  imports: [BullModule.registerQueue({ name: REGISTRATIONS_QUEUE }), IdentityModule],
  providers: [RegistrationRetention, RegistrationsProcessor, RegistrationRetentionSchedule],
})
export class RegistrationsWorkerModule {}
