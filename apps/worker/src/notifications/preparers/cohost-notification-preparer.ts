import { Injectable } from '@nestjs/common';
import {
  parsePayload,
  PayloadError,
  type CohostKindEntry,
  type Notification,
  type NotificationPreparer,
  type PreparedNotification,
} from '@roundtable/notifications';
import { CohostRequest } from '@roundtable/partners';
import { DataSource } from 'typeorm';
import { NotificationRenderer } from '../notification-renderer';

/**
 * Messages about a partner's request to co-host: to staff when it is asked, to the partner's
 * users when it is answered. Reads the request, its partner and its event as they are now. A row
 * stands while the request is in the status its kind is about (a request answered before staff
 * were emailed needs no email) and while its recipient is still an active user of that side.
 */
@Injectable()
export class CohostNotificationPreparer implements NotificationPreparer<'cohost'> {
  readonly audience = 'cohost';
  readonly subjectType = 'partner';

  constructor(
    private readonly dataSource: DataSource,
    private readonly renderer: NotificationRenderer,
  ) {}

  async prepare(row: Notification, entry: CohostKindEntry): Promise<PreparedNotification> {
    const { cohostRequestId } = parsePayload(entry, row.payload) as { cohostRequestId: string };
    const request = await this.dataSource.getRepository(CohostRequest).findOne({
      where: { id: cohostRequestId },
      relations: { event: true, partner: true },
    });
    if (!request) return { stale: 'the co-host request is gone (its event or partner was deleted)' };
    if (request.partnerId !== row.subjectId) {
      throw new PayloadError('the co-host request is not about the partner the row names');
    }
    if (request.status !== entry.whileRequest) return { stale: `the request is ${request.status} now` };
    if (!(await this.stillActive(row.recipientEmail, entry.toStaff, request.partnerId))) {
      return { stale: 'the recipient is no longer an active user' };
    }
    const { event, partner } = request as Required<CohostRequest>;
    return {
      build: () => {
        const message = entry.build(
          {
            office: this.renderer.office,
            partnerName: partner.name,
            event: { title: event.title, startsAt: event.startsAt, endsAt: event.endsAt },
            message: request.message,
            declineReason: request.declineReason,
            staffRequestsUrl: `${this.renderer.publicUrl}/staff/cohost-requests`,
            partnerRequestsUrl: `${this.renderer.publicUrl}/partner/cohost-requests`,
          },
          { cohostRequestId },
        );
        return this.renderer.render(row, message, row.recipientEmail);
      },
    };
  }

  private async stillActive(email: string, toStaff: boolean, partnerId: string): Promise<boolean> {
    const rows: unknown[] = toStaff
      ? await this.dataSource.query(
          `SELECT 1 FROM users WHERE email = $1 AND role IN ('admin', 'organiser') AND deactivated_at IS NULL`,
          [email],
        )
      : await this.dataSource.query(
          `SELECT 1 FROM users WHERE email = $1 AND role = 'partner' AND partner_id = $2 AND deactivated_at IS NULL`,
          [email, partnerId],
        );
    return rows.length > 0;
  }
}
