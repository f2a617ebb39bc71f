import { Injectable } from '@nestjs/common';
import { PasswordLinks } from '@roundtable/identity';
import {
  parsePayload,
  PayloadError,
  type AccountKindEntry,
  type Notification,
  type NotificationPreparer,
  type PreparedNotification,
} from '@roundtable/notifications';
import { PartnerMessageFacts } from '@roundtable/partners';
import { NotificationRenderer } from '../notification-renderer';

/**
 * Messages about a user's account (subject 'staff', the user's id): their set-password link. The
 * ledger row holds only the link's id; the token is rebuilt here from the link's nonce and key id.
 * A link used, expired or revoked, or a user deactivated, makes the row stale.
 */
@Injectable()
export class AccountNotificationPreparer implements NotificationPreparer<'account'> {
  readonly audience = 'account';
  readonly subjectType = 'staff';

  constructor(
    private readonly passwordLinks: PasswordLinks,
    private readonly partners: PartnerMessageFacts,
    private readonly renderer: NotificationRenderer,
  ) {}

  async prepare(row: Notification, entry: AccountKindEntry): Promise<PreparedNotification> {
    const payload = parsePayload(entry, row.payload) as { passwordLinkId: string };
    const link = await this.passwordLinks.forMessage(payload.passwordLinkId);
    if (!link || link.user.id !== row.subjectId) {
      throw new PayloadError("the row names a set-password link that is not this user's");
    }
    if (!link.token) return { stale: link.staleBecause ?? 'the set-password link no longer stands' };
    const partner = link.user.partnerId ? await this.partners.forMessage(link.user.partnerId) : null;
    const publicUrl = this.renderer.publicUrl;
    const token = link.token;
    return {
      build: () => {
        const message = entry.build(
          {
            office: this.renderer.office,
            user: { name: link.user.name },
            partnerName: partner?.name ?? null,
            signInUrl: `${publicUrl}/sign-in`,
            passwordLink: {
              url: `${publicUrl}/password/${token}`,
              expiresAt: link.expiresAt,
              purpose: link.purpose,
            },
          },
          payload,
        );
        return this.renderer.render(row, message, link.user.email);
      },
    };
  }
}
