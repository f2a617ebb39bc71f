import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Notification } from './ledger/notification.entity';
import { NotificationJobPolicy } from './ledger/notification-job-policy';
import { NotificationLedger } from './ledger/notification-ledger';
import { NotificationOutbox } from './ledger/notification-outbox';
import { MailTransport } from './mail/mail-transport.service';

@Module({
  // The outbox opens its own fail-fast queue; the workers' queue is registered by the worker.
  imports: [TypeOrmModule.forFeature([Notification])],
  providers: [NotificationLedger, NotificationOutbox, NotificationJobPolicy, MailTransport],
  exports: [NotificationLedger, NotificationOutbox, NotificationJobPolicy, MailTransport],
})
export class NotificationsModule {}
