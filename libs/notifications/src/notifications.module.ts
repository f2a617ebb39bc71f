import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Notification } from './ledger/notification.entity';
import { NotificationJobPolicy } from './ledger/notification-job-policy';
import { NOTIFICATIONS_QUEUE } from './ledger/notification-jobs';
import { NotificationLedger } from './ledger/notification-ledger';
import { NotificationOutbox } from './ledger/notification-outbox';
import { MailTransport } from './mail/mail-transport.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Notification]),
    BullModule.registerQueue({ name: NOTIFICATIONS_QUEUE }),
  ],
  providers: [NotificationLedger, NotificationOutbox, NotificationJobPolicy, MailTransport],
  exports: [NotificationLedger, NotificationOutbox, NotificationJobPolicy, MailTransport, BullModule],
})
export class NotificationsModule {}
