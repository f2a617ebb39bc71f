import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TESTIMONY_QUEUE, TestimonyModule } from '@roundtable/testimony';
import type { JobHandler } from '../jobs/job-handler';
import { ExpiredTestimonyEraser } from './expired-testimony-eraser';
import { RetentionSchedule } from './retention-schedule';
import { TESTIMONY_JOB_HANDLERS, TestimonyProcessor } from './testimony.processor';

/** Erases testimony once its retention period is over, on a queue of its own. */
@Module({
  imports: [BullModule.registerQueue({ name: TESTIMONY_QUEUE }), TestimonyModule],
  providers: [
    ExpiredTestimonyEraser,
    {
      provide: TESTIMONY_JOB_HANDLERS,
      inject: [ExpiredTestimonyEraser],
      useFactory: (...handlers: JobHandler[]): JobHandler[] => handlers,
    },
    TestimonyProcessor,
    RetentionSchedule,
  ],
})
export class TestimonyWorkerModule {}
