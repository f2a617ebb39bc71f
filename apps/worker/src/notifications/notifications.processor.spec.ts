import { Test } from '@nestjs/testing';
import { NOTIFICATION_JOBS } from '@roundtable/notifications';
import type { Job } from 'bullmq';
import { ClsModule } from 'nestjs-cls';
// Imported by path, not through the index, which would validate config before it is set.
import { RequestContext } from '../../../../libs/platform/src/logging/request-context';
import type { JobHandler } from '../jobs/job-handler';
import { NOTIFICATION_JOB_HANDLERS, NotificationsProcessor } from './notifications.processor';

const handler = (jobName: string): JobHandler => ({ jobName, handle: jest.fn(async () => undefined) });

function compileWith(handlers: JobHandler[]) {
  return Test.createTestingModule({
    imports: [ClsModule.forRoot({})],
    providers: [
      NotificationsProcessor,
      RequestContext,
      { provide: NOTIFICATION_JOB_HANDLERS, useValue: handlers },
    ],
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

  it('runs each job in a context carrying the request id its data names, and only a well-formed one', async () => {
    const seen: Array<string | null> = [];
    const module = await compileWith([
      handler(NOTIFICATION_JOBS.sweep),
      handler(NOTIFICATION_JOBS.alertLateAccessTasks),
      {
        jobName: NOTIFICATION_JOBS.send,
        handle: async () => {
          seen.push(module.get(RequestContext).requestId);
        },
      },
    ]);
    const processor = module.get(NotificationsProcessor);
    const send = (data: unknown) => processor.process({ name: NOTIFICATION_JOBS.send, data } as Job<unknown>);
    await send({ notificationId: 'n-1', requestId: 'trace-abc.123_XYZ' });
    await send({ notificationId: 'n-2' });
    await send({ notificationId: 'n-3', requestId: 'not safe\nto log' });
    expect(seen).toEqual(['trace-abc.123_XYZ', null, null]);
    expect(module.get(RequestContext).requestId).toBeNull();
  });
});
