import { Test } from '@nestjs/testing';
import { NOTIFICATION_JOBS } from '@roundtable/notifications';
import type { Job } from 'bullmq';
import type { JobHandler } from '../jobs/job-handler';
import { NOTIFICATION_JOB_HANDLERS, NotificationsProcessor } from './notifications.processor';

const handler = (jobName: string): JobHandler => ({ jobName, handle: jest.fn(async () => undefined) });

function compileWith(handlers: JobHandler[]) {
  return Test.createTestingModule({
    providers: [NotificationsProcessor, { provide: NOTIFICATION_JOB_HANDLERS, useValue: handlers }],
  }).compile();
}

describe('NotificationsProcessor', () => {
  it('stops the worker starting when a job in the registry has no handler', async () => {
    await expect(compileWith([handler(NOTIFICATION_JOBS.send)])).rejects.toThrow(
      'Queue "notifications": job "sweep-notifications" has 0 handlers; job "alert-late-access-tasks" has 0 handlers. Every job needs exactly one handler.',
    );
  });

  it('hands each job to the handler for its name', async () => {
    const send = handler(NOTIFICATION_JOBS.send);
    const sweep = handler(NOTIFICATION_JOBS.sweep);
    const alert = handler(NOTIFICATION_JOBS.alertLateAccessTasks);
    const processor = (await compileWith([send, sweep, alert])).get(NotificationsProcessor);
    const job = { name: NOTIFICATION_JOBS.sweep, data: {} } as Job<unknown>;
    await processor.process(job);
    expect(sweep.handle).toHaveBeenCalledWith(job);
    expect(send.handle).not.toHaveBeenCalled();
    expect(alert.handle).not.toHaveBeenCalled();
    await expect(processor.process({ name: 'unknown', data: {} } as Job<unknown>)).rejects.toThrow(
      'no handler for the job "unknown"',
    );
  });
});
