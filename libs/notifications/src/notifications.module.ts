import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Notification } from './ledger/notification.entity';
import { NOTIFICATIONS_QUEUE } from './ledger/notification-jobs';
import { NotificationLedger } from './ledger/notification-ledger';
import { NotificationOutbox } from './ledger/notification-outbox';

@Module({
  imports: [
    TypeOrmModule.forFeature([Notification]),
    BullModule.registerQueue({ name: NOTIFICATIONS_QUEUE }),
  ],
  providers: [NotificationLedger, NotificationOutbox],
  exports: [NotificationLedger, NotificationOutbox, BullModule],
})
export class NotificationsModule {}
