import { Injectable } from '@nestjs/common';
import { RegistrationsRepository } from '@roundtable/registrations';

/** The registration counts the staff event page shows, with links to the lists behind them. */
@Injectable()
export class RegistrationSummary {
  constructor(private readonly registrations: RegistrationsRepository) {}

  async forEvent(eventId: string) {
    const counts = await this.registrations.countsForEvent(eventId);
    const count = (status: string) => counts[status] ?? 0;
    return {
      registrationCounts: {
        confirmed: count('confirmed') + count('attended'),
        waitlisted: count('waitlisted'),
        invited: count('invited'),
        declined: count('declined'),
        cancelled: count('cancelled'),
        total: Object.values(counts).reduce((sum, n) => sum + n, 0),
      },
    };
  }

  /** Places taken, people waiting and open access needs for each event of a list page. */
  forEvents(eventIds: readonly string[]) {
    return this.registrations.glanceAt(eventIds);
  }
}
