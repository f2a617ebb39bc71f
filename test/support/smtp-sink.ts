import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  raw: string;
  parsed: ParsedMail;
  /** The X-Notification-Id header: the ledger row the worker sent it for. */
  notificationId: string | undefined;
  envelopeTo: string[];
}

interface Refusal {
  remaining: number;
  code: number;
  notificationId?: string;
}

/**
 * A real SMTP server in the test process (smtp-server, from nodemailer's authors) that keeps
 * every message it accepts. A message counts as received only once the sink has answered 250,
 * as with a real server. It can refuse messages with a 4xx or 5xx, hold its answers (a server
 * gone slow, so sends are in flight), and stop and start again on the same port.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  /** Connections that failed (a client reset mid-message, say), by error code, for a test to read. */
  readonly connectionErrors: string[] = [];
  private server: SMTPServer | undefined;
  private refusals: Refusal[] = [];
  private holding = false;
  private acceptBeforeHolding = 0;
  private held: Array<() => void> = [];
  private readonly closedSessions = new Set<string>();

  private constructor(private port: number) {}

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink(0);
    await sink.start();
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Messages accepted for one ledger row. */
  for(notificationId: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.notificationId === notificationId);
  }

  /** Answers the next `count` messages (of one row, if given) with `code` instead of 250. */
  refuse(count: number, code = 451, notificationId?: string): void {
    this.refusals.push({ remaining: count, code, notificationId });
  }

  /**
   * Stops answering messages' DATA (after accepting `afterAccepting` more) until release(): the
   * sends are in flight, and nothing is received.
   */
  hold(afterAccepting = 0): void {
    this.acceptBeforeHolding = afterAccepting;
    this.holding = true;
  }

  /** Clients connected now; after a client is killed, wait for this to fall before release(). */
  get connectionCount(): number {
    return this.server?.connections.size ?? 0;
  }

  get heldCount(): number {
    return this.held.length;
  }

  /** Accepts the held messages whose sender is still connected, and answers at once from now on. */
  async release(): Promise<void> {
    // smtp-server reports a closed connection on the next turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    this.holding = false;
    const held = this.held;
    this.held = [];
    for (const accept of held) accept();
  }

  /** Listens (again, on the same port after stop()). */
  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      // On stop(), connections still open (a pooled client's) are cut after this.
      closeTimeout: 100,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.receive(Buffer.concat(chunks), session, callback).catch((error: unknown) =>
            callback(error as Error),
          );
        });
      },
      onClose: (session) => {
        this.closedSessions.add(session.id);
      },
    });
    // A client killed mid-message (the worker-crash tests do it on purpose) resets its connection,
    // and smtp-server reports that as an 'error' on the server: with no listener it would be
    // thrown into the test file. A sink outlives its clients, so it only keeps what happened.
    server.on('error', (error: Error & { code?: string }) =>
      this.connectionErrors.push(error.code ?? error.message),
    );
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    const address = server.server.address();
    if (address && typeof address === 'object') this.port = address.port;
    this.server = server;
  }

  /** Stops listening and cuts every connection, like a server going down. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async receive(
    raw: Buffer,
    session: SMTPServerSession,
    callback: (error?: Error | null) => void,
  ): Promise<void> {
    const parsed = await simpleParser(raw);
    const header = parsed.headers.get('x-notification-id');
    const notificationId = typeof header === 'string' ? header : undefined;
    const refusal = this.refusals.find(
      (candidate) =>
        candidate.remaining > 0 &&
        (candidate.notificationId === undefined || candidate.notificationId === notificationId),
    );
    if (refusal) {
      refusal.remaining -= 1;
      const error = Object.assign(new Error(`refused by the test sink (${refusal.code})`), {
        responseCode: refusal.code,
      });
      return callback(error);
    }
    const accept = () => {
      // A client that went away before its answer never learns the message was taken.
      if (this.closedSessions.has(session.id)) return;
      this.received.push({
        raw: raw.toString('utf8'),
        parsed,
        notificationId,
        envelopeTo: session.envelope.rcptTo.map((to) => to.address),
      });
      callback();
    };
    if (this.holding && this.acceptBeforeHolding > 0) {
      this.acceptBeforeHolding -= 1;
      accept();
    } else if (this.holding) this.held.push(accept);
    else accept();
  }
}
