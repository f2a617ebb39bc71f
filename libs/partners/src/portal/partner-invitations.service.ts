import { Injectable } from '@nestjs/common';
import { AuditLog } from '@roundtable/identity';
import {
  InvitationPreviews,
  InvitationsService,
  type InvitationCounts,
  type InvitationPreview,
} from '@roundtable/registrations';
import { CohostsReader } from '../cohosting/cohosts.reader';
import type { PartnerActor } from './partner-contacts.service';
import { PartnerEvents } from './partner-events.service';

/**
 * A co-hosting partner invites its own members: the same invitations as staff send (the same
 * ledger, the same one-click unsubscribe), each registration marked with the partner, whose name
 * the email gives. An event it does not co-host is a 404, and nothing is written.
 */
@Injectable()
export class PartnerInvitations {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly events: PartnerEvents,
    private readonly audit: AuditLog,
    private readonly previews: InvitationPreviews,
    private readonly cohosts: CohostsReader,
  ) {}

  /**
   * What inviting `contacts` would do, and the email as its people would get it (naming the
   * partner): nothing is written or audited, since nothing is sent or read but the partner's list.
   */
  async preview(actor: PartnerActor, eventId: string, contacts: unknown): Promise<InvitationPreview> {
    await this.events.assertCohosts(actor.partnerId, eventId);
    const cohosts = await this.cohosts.forEvent(eventId);
    const invitedBy = cohosts.find((cohost) => cohost.id === actor.partnerId)?.name ?? null;
    return this.previews.preview(eventId, contacts, {
      cohosts: cohosts.map((cohost) => cohost.name),
      invitedBy,
    });
  }

  async invite(actor: PartnerActor, eventId: string, contacts: unknown): Promise<InvitationCounts> {
    // Asked first, so a partner learns nothing (not even that its list is wrong) about other events.
    await this.events.assertCohosts(actor.partnerId, eventId);
    const counts = await this.invitations.invite(eventId, contacts, {
      invitedByPartnerId: actor.partnerId,
      // Asked again under the event's lock, in case the co-host was removed in between.
      withinTransaction: (manager) => this.events.assertCohosts(actor.partnerId, eventId, manager),
    });
    await this.audit.record({
      actorId: actor.userId,
      action: 'partner.invite',
      subjectType: 'event',
      subjectId: eventId,
      detail: { partnerId: actor.partnerId, count: counts.invited },
    });
    return counts;
  }
}
