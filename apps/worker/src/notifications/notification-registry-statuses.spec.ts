import { NOTIFICATION_REGISTRY } from '@roundtable/notifications';
import { REGISTRATION_STATUSES } from '@roundtable/registrations';

// libs/notifications names registration statuses as strings (it does not import registrations):
// the worker, which imports both, holds them to the real ones.
describe('the registry names only registration statuses that exist', () => {
  it.each(Object.values(NOTIFICATION_REGISTRY).filter((entry) => entry.audience === 'registration'))(
    '$kind',
    (entry) => {
      if (entry.audience !== 'registration') return;
      for (const status of entry.forStatuses) expect(REGISTRATION_STATUSES).toContain(status);
    },
  );
});
