import type { Job } from 'bullmq';
import { handlersByName, type JobHandler } from './job-handler';

class Handler implements JobHandler {
  constructor(readonly jobName: string) {}
  async handle(_job: Job<unknown>): Promise<void> {}
}

describe('handlersByName', () => {
  it('maps each job name to its one handler', () => {
    const send = new Handler('send');
    const sweep = new Handler('sweep');
    const map = handlersByName('q', ['send', 'sweep'], [sweep, send]);
    expect(map.get('send')).toBe(send);
    expect(map.get('sweep')).toBe(sweep);
  });

  it('refuses a job name with no handler', () => {
    expect(() => handlersByName('q', ['send', 'sweep'], [new Handler('send')])).toThrow(
      'Queue "q": job "sweep" has 0 handlers. Every job needs exactly one handler.',
    );
  });

  it('refuses a job name with two handlers', () => {
    expect(() => handlersByName('q', ['send'], [new Handler('send'), new Handler('send')])).toThrow(
      /job "send" has 2 handlers/,
    );
  });

  it('refuses a handler for a job the registry does not name', () => {
    expect(() => handlersByName('q', ['send'], [new Handler('send'), new Handler('resend')])).toThrow(
      /Handler handles "resend", which the registry does not name/,
    );
  });
});
