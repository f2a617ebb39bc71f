import type { EventEntity } from '@roundtable/events';
import type { AccessTask } from './access-task.entity';
import type { Registration } from '../registrations/registration.entity';
import { accessArrangedNotification, lateAccessTasksNotification } from './access-task-messages';

const now = new Date('2026-06-20T10:00:00Z');
const event = { id: 'event-1', sequence: 2 } as EventEntity;
const registration = { id: 'reg-1', email: 'jo@example.org' } as Registration;
const task = (overrides: Partial<AccessTask> = {}) =>
  ({ id: 'task-1', need: 'quiet_room', note: null, ...overrides }) as AccessTask;

describe('accessArrangedNotification', () => {
  it('is one message per task and event sequence, to the attendee, with the phrase', () => {
    expect(accessArrangedNotification(task(), registration, event, now)).toEqual({
      kind: 'access-arranged',
      eventId: 'event-1',
      eventSequence: 2,
      registrationId: 'reg-1',
      recipientEmail: 'jo@example.org',
      sendAt: now,
      idempotencyKey: 'access-arranged:task-1:2',
      payload: { arranged: ['a quiet room'] },
    });
  });

  it('carries the note when there is one, and never a manage token (the worker derives the link)', () => {
    const planned = accessArrangedNotification(task({ note: 'Room 2, upstairs' }), registration, event, now);
    expect(planned.payload).toEqual({ arranged: ['a quiet room'], note: 'Room 2, upstairs' });
  });
});

describe('lateAccessTasksNotification', () => {
  it('is to staff, with no registration, and names the same tasks with the same key in any order', () => {
    const one = lateAccessTasksNotification(event, ['b', 'a'], 'olu@example.org', now);
    const two = lateAccessTasksNotification(event, ['a', 'b'], 'olu@example.org', now);
    expect(one).toMatchObject({
      kind: 'access-tasks-late',
      registrationId: null,
      recipientEmail: 'olu@example.org',
      payload: { taskIds: ['a', 'b'] },
    });
    expect(one.idempotencyKey).toBe(two.idempotencyKey);
    expect(lateAccessTasksNotification(event, ['a'], 'olu@example.org', now).idempotencyKey).not.toBe(
      one.idempotencyKey,
    );
  });

  it('alerts the same tasks again once the event has moved (a new sequence, new due dates)', () => {
    const before = lateAccessTasksNotification(event, ['a'], 'olu@example.org', now);
    const moved = lateAccessTasksNotification({ ...event, sequence: 3 }, ['a'], 'olu@example.org', now);
    expect(moved.idempotencyKey).not.toBe(before.idempotencyKey);
  });
});
