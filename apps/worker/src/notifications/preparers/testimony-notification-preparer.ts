import { Injectable } from '@nestjs/common';
import {
  parsePayload,
  type Notification,
  type NotificationPreparer,
  type PreparedNotification,
  type TestimonyKindEntry,
} from '@roundtable/notifications';
import { TestimonyMessageFacts } from '@roundtable/testimony';
import { NotificationRenderer } from '../notification-renderer';

/**
 * Messages about a testimony: the author's receipt (to their sealed address, opened only here,
 * as the mail is made) and the safeguarding lead's alert (to the row's recipient). A testimony
 * erased since makes the row stale; so does a receipt whose author gave no address or whose link
 * can no longer be derived. Neither message carries the story.
 */
@Injectable()
export class TestimonyNotificationPreparer implements NotificationPreparer<'testimony'> {
  readonly audience = 'testimony';
  readonly subjectType = 'testimony';

  constructor(
    private readonly facts: TestimonyMessageFacts,
    private readonly renderer: NotificationRenderer,
  ) {}

  async prepare(row: Notification, entry: TestimonyKindEntry): Promise<PreparedNotification> {
    const payload = parsePayload(entry, row.payload);
    const testimony = await this.facts.forMessage(row.subjectId);
    if (!testimony) return { stale: 'the testimony was erased' };
    const to = entry.toAuthor ? testimony.email : row.recipientEmail;
    if (!to) return { stale: 'the author gave no email address' };
    if (entry.toAuthor && !testimony.receiptToken) {
      return { stale: 'the receipt link was made under a key since taken out of LINK_KEYS' };
    }
    if (!entry.toAuthor && !testimony.safeguardingFlag) return { stale: 'the flag was cleared' };
    const publicUrl = this.renderer.publicUrl;
    return {
      build: () => {
        const message = entry.build(
          {
            office: this.renderer.office,
            testimonyId: testimony.testimonyId,
            receiptUrl: testimony.receiptToken
              ? `${publicUrl}/testimony/receipt/${testimony.receiptToken}`
              : undefined,
            staffTestimonyUrl: `${publicUrl}/staff/testimonies/${testimony.testimonyId}`,
            campaign: testimony.campaign,
          },
          payload,
        );
        return this.renderer.render(row, message, to);
      },
    };
  }
}
