import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '@roundtable/events';
import { NotificationsModule } from '@roundtable/notifications';
import {
  InvitationSuppression,
  InvitationSuppressionsRepository,
  Registration,
} from '@roundtable/registrations';
import type { JobHandler } from '../jobs/job-handler';
import { NotificationRenderer } from './notification-renderer';
import { NotificationSender } from './notification-sender';
import { NotificationSweeper } from './notification-sweeper';
import { NOTIFICATION_JOB_HANDLERS, NotificationsProcessor } from './notifications.processor';
import { SweepSchedule } from './sweep-schedule';

/** Sends the ledger's messages and sweeps for the ones whose job went missing. */
@Module({
  imports: [
    NotificationsModule,
    EventsModule,
    TypeOrmModule.forFeature([Registration, InvitationSuppression]),
  ],
  providers: [
    InvitationSuppressionsRepository,
    NotificationRenderer,
    NotificationSender,
    NotificationSweeper,
    {
      provide: NOTIFICATION_JOB_HANDLERS,
      inject: [NotificationSender, NotificationSweeper],
      useFactory: (...handlers: JobHandler[]): JobHandler[] => handlers,
    },
    NotificationsProcessor,
    SweepSchedule,
  ],
})
export class NotificationsWorkerModule {}
