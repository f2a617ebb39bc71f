import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '@roundtable/events';
import {
  NOTIFICATIONS_QUEUE,
  NotificationsModule,
  type NotificationPreparer,
} from '@roundtable/notifications';
import { Registration, RegistrationsModule } from '@roundtable/registrations';
import { IdentityModule } from '@roundtable/identity';
import { CohostRequest, CohostsReader, Partner, PartnersModule } from '@roundtable/partners';
import { TestimonyModule } from '@roundtable/testimony';
import type { JobHandler } from '../jobs/job-handler';
import { LateAccessTasksAlerter } from './late-access-tasks-alerter';
import { LedgerBatches } from './ledger-batches';
import { LateAccessTasksSchedule } from './late-access-tasks-schedule';
import { NotificationRenderer } from './notification-renderer';
import { NotificationSender } from './notification-sender';
import { NotificationSweeper } from './notification-sweeper';
import { NOTIFICATION_JOB_HANDLERS, NotificationsProcessor } from './notifications.processor';
import { NOTIFICATION_PREPARERS, NotificationPreparers } from './preparers/notification-preparers';
import { CohostNotificationPreparer } from './preparers/cohost-notification-preparer';
import { RegistrationMessageReader } from './preparers/registration-message-reader';
import { RegistrationNotificationPreparer } from './preparers/registration-notification-preparer';
import { StaffNotificationPreparer } from './preparers/staff-notification-preparer';
import { TestimonyNotificationPreparer } from './preparers/testimony-notification-preparer';
import { AccountNotificationPreparer } from './preparers/account-notification-preparer';
import { PartnerNotificationPreparer } from './preparers/partner-notification-preparer';
import { SweepSchedule } from './sweep-schedule';

/**
 * Sends the ledger's messages (each audience's preparer loads what its messages need), sweeps for
 * the ones whose job went missing, and tells staff about late access needs.
 */
@Module({
  imports: [
    // The queue the processor works and the schedules add to, on BullMQ's patient connection.
    BullModule.registerQueue({ name: NOTIFICATIONS_QUEUE }),
    NotificationsModule,
    EventsModule,
    RegistrationsModule,
    TestimonyModule,
    IdentityModule,
    PartnersModule,
    TypeOrmModule.forFeature([Registration, CohostRequest, Partner]),
  ],
  providers: [
    NotificationRenderer,
    RegistrationMessageReader,
    RegistrationNotificationPreparer,
    StaffNotificationPreparer,
    TestimonyNotificationPreparer,
    PartnerNotificationPreparer,
    AccountNotificationPreparer,
    CohostsReader,
    CohostNotificationPreparer,
    {
      // The one place an audience's preparer is registered (see notification-registry.ts).
      provide: NOTIFICATION_PREPARERS,
      inject: [
        RegistrationNotificationPreparer,
        StaffNotificationPreparer,
        TestimonyNotificationPreparer,
        PartnerNotificationPreparer,
        AccountNotificationPreparer,
        CohostNotificationPreparer,
      ],
      useFactory: (...preparers: NotificationPreparer[]): NotificationPreparer[] => preparers,
    },
    NotificationPreparers,
    LedgerBatches,
    NotificationSender,
    NotificationSweeper,
    LateAccessTasksAlerter,
    {
      provide: NOTIFICATION_JOB_HANDLERS,
      inject: [NotificationSender, NotificationSweeper, LateAccessTasksAlerter],
      useFactory: (...handlers: JobHandler[]): JobHandler[] => handlers,
    },
    NotificationsProcessor,
    SweepSchedule,
    LateAccessTasksSchedule,
  ],
})
export class NotificationsWorkerModule {}
