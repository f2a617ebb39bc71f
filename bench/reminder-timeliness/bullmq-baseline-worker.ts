import { Worker } from 'bullmq';
import nodemailer from 'nodemailer';
import { mailTransportOptions } from '../../libs/notifications/src/mail/mail-transport-options';
import { redisOptionsFromUrl } from '../../libs/platform/src/redis/redis-options';

/**
 * The baseline's worker, in a process of its own as the real worker is: a plain BullMQ Worker
 * whose processor sends one plain-text message with nodemailer (the same pooled transport
 * options as the app's) to the sink. No database, no rendering, no claim.
 */
const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const transport = nodemailer.createTransport(mailTransportOptions(env('SMTP_URL')));
const body = 'x'.repeat(Number(env('BENCH_BODY_BYTES'))).replace(/(.{76})/g, '$1\n');

const worker = new Worker<{ to: string }>(
  env('BENCH_QUEUE'),
  async (job) => {
    await transport.sendMail({
      from: 'Halesowen Constituency Office <office@roundtable.test>',
      to: job.data.to,
      subject: 'Reminder: Waiting for an EHC plan, a listening event',
      text: body,
      headers: { 'X-Bench-Id': String(job.id) },
    });
  },
  {
    prefix: env('BENCH_PREFIX'),
    concurrency: Number(env('BENCH_CONCURRENCY')),
    connection: { ...redisOptionsFromUrl(env('REDIS_URL')), maxRetriesPerRequest: null },
  },
);

process.once('SIGTERM', () => {
  void worker.close().then(() => {
    transport.close();
    process.exit(0);
  });
});
