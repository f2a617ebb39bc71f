import { SMTPServer } from 'smtp-server';

export interface Arrival {
  /** Date.now() when the sink answered 250. */
  at: number;
  bytes: number;
  /** X-Notification-Id (the worker's) or X-Bench-Id (a baseline's), when present. */
  id: string | undefined;
  /** Whether the message carries a text/calendar part. */
  calendar: boolean;
}

const ID_HEADER = /^x-(?:notification|bench)-id:\s*(\S+)/im;

/**
 * An SMTP server in the benchmark process that accepts everything and records when each message
 * arrived, its size and its id header. Unlike test/support/smtp-sink.ts it does not parse the
 * messages (that would cost the CPU the system under test needs), and keeps no bodies.
 */
export class BenchSmtpSink {
  readonly arrivals: Arrival[] = [];
  private waiters: Array<{ count: number; resolve: () => void }> = [];

  private server: SMTPServer | undefined;
  private port = 0;

  private constructor() {}

  static async start(): Promise<BenchSmtpSink> {
    const sink = new BenchSmtpSink();
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      size: 50 * 1024 * 1024,
      maxClients: 200,
      closeTimeout: 100,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          const head = raw.subarray(0, Math.min(raw.length, 8192)).toString('latin1');
          sink.record({
            at: Date.now(),
            bytes: raw.length,
            id: ID_HEADER.exec(head)?.[1],
            calendar: raw.includes('text/calendar'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.server.address();
    if (!address || typeof address !== 'object') throw new Error('the SMTP sink has no port');
    sink.server = server;
    sink.port = address.port;
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Forgets what arrived, between a system run and its baseline. */
  reset(): void {
    this.arrivals.length = 0;
  }

  /** Resolves once `count` messages have arrived, or rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs: number): Promise<void> {
    if (this.arrivals.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter.resolve !== done);
        reject(
          new Error(`the SMTP sink had ${this.arrivals.length} of ${count} messages after ${timeoutMs} ms`),
        );
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push({ count, resolve: done });
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private record(arrival: Arrival): void {
    this.arrivals.push(arrival);
    const ready = this.waiters.filter((waiter) => this.arrivals.length >= waiter.count);
    this.waiters = this.waiters.filter((waiter) => this.arrivals.length < waiter.count);
    for (const waiter of ready) waiter.resolve();
  }
}
