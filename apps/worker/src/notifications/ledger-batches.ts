import { Injectable, Logger } from '@nestjs/common';
import {
  NotificationLedger,
  type ClaimedNotification,
  type SentNotification,
} from '@roundtable/notifications';
import { Clock } from '@roundtable/platform';
import DataLoader from 'dataloader';
import { NotificationPreparers } from './preparers/notification-preparers';

/**
 * The sender's two statements a message (the claim with its facts, and marking it sent), each
 * gathered across the jobs in flight into one statement. A profile of 5,000 reminders put a
 * third of the worker's CPU a message in those two round trips, most of it the socket write that
 * wakes Postgres, which costs about the same for eight rows as for one.
 *
 * A batch goes out 2 ms after its first row when nothing of its kind is in flight, else as soon as
 * the one in flight answers: under load the batch grows with the wait. A batch that
 * fails (a deadlock with a writer that locked the same rows in another order, a lost connection)
 * is tried again one row at a time, so one row's trouble is that row's alone.
 */
@Injectable()
export class LedgerBatches {
  private readonly logger = new Logger(LedgerBatches.name);
  private readonly claims: DataLoader<string, ClaimedNotification | null>;
  private readonly sent: DataLoader<SentNotification, void>;

  constructor(
    private readonly ledger: NotificationLedger,
    private readonly preparers: NotificationPreparers,
    private readonly clock: Clock,
  ) {
    this.claims = batchLoader(
      (ids) => this.claimAll(ids),
      (id) => this.claimOne(id),
      (error, size) => this.logBatchFailure('claim', size, error),
    );
    this.sent = batchLoader(
      async (rows) => {
        await this.ledger.markManySent(rows);
        return rows.map(() => undefined);
      },
      (row) => this.ledger.markManySent([row]),
      (error, size) => this.logBatchFailure('mark-sent', size, error),
    );
  }

  /** Claims the row with what its preparer reads (see NotificationLedger.claimWith); null if not pending. */
  claim(id: string): Promise<ClaimedNotification | null> {
    return this.claims.load(id);
  }

  /** Records that the SMTP server accepted the row's message (see NotificationLedger.markManySent). */
  markSent(id: string, smtpMessageId: string): Promise<void> {
    return this.sent.load({ id, smtpMessageId, sentAt: this.clock.now() });
  }

  private async claimAll(ids: readonly string[]): Promise<Array<ClaimedNotification | null>> {
    const claimed = await this.ledger.claimManyWith(ids, this.clock.now(), this.preparers.claimJoin);
    return ids.map((id) => claimed.get(id) ?? null);
  }

  private async claimOne(id: string): Promise<ClaimedNotification | null> {
    return this.ledger.claimWith(id, this.clock.now(), this.preparers.claimJoin);
  }

  private logBatchFailure(statement: string, size: number, error: unknown): void {
    // Our own wording and the driver's error code: no row's contents.
    const code = (error as { code?: unknown }).code;
    this.logger.warn(
      `A ${statement} batch of ${size} failed${typeof code === 'string' ? ` (${code})` : ''}; trying each row alone`,
    );
  }
}

/**
 * How long a batch waits for company when nothing is in flight. Jobs in flight reach the claim and
 * the mark-sent at different moments, so a batch sent on the next turn of the event loop held two
 * rows on average (5,000 reminders: 4,800 statements for 10,000 requests); waiting 2 ms halved the
 * statements (2,250-2,570). A lone message is 2 ms later, which no one reading email can notice.
 */
const GATHER_MS = 2;

/**
 * A DataLoader without a cache (every load is a row's own request) whose batches go out one at a
 * time: the next is dispatched when the one in flight settles, or GATHER_MS after its first key
 * when none is. A batch that fails is retried one key at a time with `one`.
 */
function batchLoader<K, V>(
  all: (keys: readonly K[]) => Promise<V[]>,
  one: (key: K) => Promise<V>,
  onBatchFailure: (error: unknown, size: number) => void,
): DataLoader<K, V> {
  let inFlight = 0;
  // Batches ready to go while one is in flight (more than one only when one filled up).
  const waiting: Array<() => void> = [];
  const dispatch = async (keys: readonly K[]): Promise<Array<V | Error>> => {
    inFlight += 1;
    try {
      return await all(keys);
    } catch (error) {
      if (keys.length === 1) throw error;
      onBatchFailure(error, keys.length);
      return Promise.all(keys.map((key) => one(key).catch((failure: unknown) => asError(failure))));
    } finally {
      inFlight -= 1;
      waiting.shift()?.();
    }
  };
  return new DataLoader<K, V>(dispatch, {
    cache: false,
    // Postgres takes 65,535 parameters a statement; an id array is one. The bound keeps a
    // statement's locks few and its answer small.
    maxBatchSize: 64,
    batchScheduleFn: (run) => {
      if (inFlight > 0) waiting.push(run);
      else setTimeout(run, GATHER_MS);
    },
  });
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
