import { Module } from '@nestjs/common';
import { PlatformModule } from '@roundtable/platform';
import { NotificationsWorkerModule } from './notifications/notifications-worker.module';
import { RegistrationsWorkerModule } from './registrations/registrations-worker.module';
import { TestimonyWorkerModule } from './testimony/testimony-worker.module';
import { WorkerHealthServer } from './worker-health-server';
import { WorkerReadiness } from './worker-readiness';

/**
 * The worker runs the same domain modules as the api against the same tables; its BullMQ
 * processors are registered by one module per queue.
 */
@Module({
  imports: [
    PlatformModule.forRoot(),
    NotificationsWorkerModule,
    TestimonyWorkerModule,
    RegistrationsWorkerModule,
  ],
  providers: [WorkerReadiness, WorkerHealthServer],
})
export class WorkerModule {}
