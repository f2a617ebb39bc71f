import { Injectable } from '@nestjs/common';
import { PasswordLinks } from '@roundtable/identity';
import {
  parsePayload,
  PayloadError,
  type Notification,
  type NotificationPreparer,
  type PartnerKindEntry,
  type PasswordLinkContext,
  type PreparedNotification,
} from '@roundtable/notifications';
import { PartnerMessageFacts } from '@roundtable/partners';
import { NotificationRenderer } from '../notification-renderer';

/**
 * Messages about a partner organisation: to staff while it waits (stale once decided), and to its
 * contact once approved (with the set-password link, rebuilt here from the link's row: stale once
 * used or expired) or rejected (with the reason, read from the partner as it is now).
 */
@Injectable()
export class PartnerNotificationPreparer implements NotificationPreparer<'partner'> {
  readonly audience = 'partner';
  readonly subjectType = 'partner';

  constructor(
    private readonly facts: PartnerMessageFacts,
    private readonly passwordLinks: PasswordLinks,
    private readonly renderer: NotificationRenderer,
  ) {}

  async prepare(row: Notification, entry: PartnerKindEntry): Promise<PreparedNotification> {
    const payload = parsePayload(entry, row.payload) as { passwordLinkId?: string };
    const partner = await this.facts.forMessage(row.subjectId);
    if (!partner) return { stale: 'the partner organisation is gone' };
    if (partner.status !== entry.whilePartner) return { stale: `the partner is now ${partner.status}` };
    let passwordLink: PasswordLinkContext | undefined;
    if (payload.passwordLinkId) {
      const link = await this.passwordLinks.forMessage(payload.passwordLinkId);
      if (!link) throw new PayloadError('the row names a set-password link that does not exist');
      if (!link.token) return { stale: link.staleBecause ?? 'the set-password link no longer stands' };
      passwordLink = {
        url: `${this.renderer.publicUrl}/password/${link.token}`,
        expiresAt: link.expiresAt,
        purpose: link.purpose,
      };
    }
    const publicUrl = this.renderer.publicUrl;
    return {
      build: () => {
        const message = entry.build(
          {
            office: this.renderer.office,
            partner,
            staffPartnerUrl: `${publicUrl}/staff/partners/${partner.id}`,
            signInUrl: `${publicUrl}/sign-in`,
            passwordLink,
          },
          payload,
        );
        return this.renderer.render(row, message, row.recipientEmail);
      },
    };
  }
}
