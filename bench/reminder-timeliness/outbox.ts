import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NotificationLedger, NotificationOutbox, NotificationsModule } from '@roundtable/notifications';
import { PlatformModule } from '@roundtable/platform';
import { DataSource } from 'typeorm';
import type { SeededEvent } from './seed';

// Imported only after the benchmark has put its environment in process.env: PlatformModule
// validates the configuration when this module is declared.
@Module({ imports: [PlatformModule.forRoot(), NotificationsModule] })
class ReminderPlannerModule {}

export interface Planned {
  /** When planning started and when the last job was on the queue (Date.now()). */
  started: number;
  enqueued: number;
  ids: string[];
}

/**
 * Writes one `reminder` ledger row per registration, all due at `sendAt`, in one transaction
 * with the real NotificationLedger, then puts them on the queue with the real NotificationOutbox
 * (delayed jobs, jobId = row id), as the api does after a commit.
 */
export async function planReminders(seeded: SeededEvent, sendAt: Date): Promise<Planned> {
  const app: INestApplicationContext = await NestFactory.createApplicationContext(ReminderPlannerModule, {
    logger: ['error', 'warn'],
  });
  try {
    const ledger = app.get(NotificationLedger);
    const outbox = app.get(NotificationOutbox);
    const started = Date.now();
    const due = await app.get(DataSource).transaction((manager) =>
      ledger.plan(
        manager,
        seeded.registrations.map((registration) => ({
          kind: 'reminder' as const,
          eventId: seeded.eventId,
          eventSequence: seeded.sequence,
          registrationId: registration.id,
          recipientEmail: registration.email,
          sendAt,
          idempotencyKey: `reminder:${registration.id}:${seeded.sequence}:PT2H`,
          payload: { offset: 'PT2H' },
        })),
      ),
    );
    await outbox.enqueue(due);
    return { started, enqueued: Date.now(), ids: due.map((row) => row.id) };
  } finally {
    await app.close();
  }
}
