import { Module } from '@nestjs/common';
import { PlatformModule } from '@roundtable/platform';
import { WorkerReadiness } from './worker-readiness';

/**
 * The worker runs the same domain modules as the api against the same tables; its BullMQ
 * processors (notifications, reminders, sweeps) are registered here as they arrive.
 */
@Module({
  imports: [PlatformModule.forRoot()],
  providers: [WorkerReadiness],
})
export class WorkerModule {}
