import { Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '@roundtable/identity';
import { NotificationOutbox, type DueNotification } from '@roundtable/notifications';
import { assertNoProblems, Clock } from '@roundtable/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { TestimonyMessages } from '../notifications/testimony-messages';
import { suggestsSafeguarding } from '../safeguarding/safeguarding-phrases';
import { SafeguardingFlags } from '../safeguarding/safeguarding-flags.service';
import type { NewTestimony } from '../testimonies/new-testimony';
import type { TestimonySource } from '../testimonies/testimony-vocabulary';
import { TestimonyWriter } from '../testimonies/testimony-writer';
import { CaseworkRequests } from './casework-requests';
import type { EnterTestimonyDto, SubmitTestimonyDto, TestimonyFieldsDto } from './dto/testimony.dto';
import { IntakeOrigin, type Origin, type OriginInput } from './intake-origin';
import { intakeProblems } from './intake-rules';
import { ReceiptEmailLimit } from './receipt-email-limit';
import { ReceiptLinkKeys } from './receipt-link-keys';

/** A testimony taken in: its id (for staff) and the token of the author's private receipt link. */
export interface TakenTestimony {
  id: string;
  receiptToken: string;
}

interface Taking {
  source: TestimonySource;
  enteredById: string | null;
}

/**
 * The public form and staff entry: checks the input, writes the testimony through
 * TestimonyWriter with its casework referral, receipt and safeguarding alert, all in one
 * transaction, and enqueues the messages after commit. Logs ids, never what anyone wrote.
 */
@Injectable()
export class TestimonyIntake {
  private readonly logger = new Logger(TestimonyIntake.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: TestimonyWriter,
    private readonly origin: IntakeOrigin,
    private readonly receiptLinks: ReceiptLinkKeys,
    private readonly casework: CaseworkRequests,
    private readonly receiptLimit: ReceiptEmailLimit,
    private readonly flags: SafeguardingFlags,
    private readonly messages: TestimonyMessages,
    private readonly audit: AuditLog,
    private readonly outbox: NotificationOutbox,
    private readonly clock: Clock,
  ) {}

  /** POST /public/testimonies: standalone, from an event, or from a registration's manage link. */
  submit(input: SubmitTestimonyDto): Promise<TakenTestimony> {
    return this.take(input, input, { source: 'public', enteredById: null });
  }

  /** POST /testimonies: heard at an event, entered by a member of staff for the speaker. */
  enterForSpeaker(input: EnterTestimonyDto, enteredById: string): Promise<TakenTestimony> {
    return this.take(
      input,
      { eventId: input.eventId, themes: input.themes },
      { source: 'staff', enteredById },
    );
  }

  private async take(input: TestimonyFieldsDto, from: OriginInput, taking: Taking): Promise<TakenTestimony> {
    const seed = this.receiptLinks.newSeed();
    const { id, due } = await this.dataSource.transaction(async (manager) => {
      const origin = await this.origin.resolve(manager, { ...from, themes: input.themes });
      assertNoProblems([...origin.problems, ...intakeProblems(input)]);
      const flagged = suggestsSafeguarding(input.story);
      const [testimonyId] = await this.writer.insert(manager, [
        {
          ...this.newTestimony(input, origin, taking),
          safeguardingFlag: flagged ? 'suggested' : null,
          flaggedAt: flagged ? this.clock.now() : null,
          receiptNonce: seed.nonce,
          receiptKeyId: seed.keyId,
          receiptTokenHash: seed.tokenHash,
        },
      ]);
      const planned = await this.followUps(manager, testimonyId, input, flagged);
      if (taking.enteredById) {
        await this.audit.record(
          {
            actorId: taking.enteredById,
            action: 'testimony.create',
            subjectType: 'testimony',
            subjectId: testimonyId,
            detail: { eventId: origin.eventId },
          },
          manager,
        );
      }
      return { id: testimonyId, due: planned };
    });
    this.logger.log(`Testimony ${id} received (${taking.source})`);
    await this.outbox.enqueue(due);
    return { id, receiptToken: this.receiptLinks.tokenFor(seed) };
  }

  /** The casework referral, the receipt and the safeguarding alert a new testimony needs. */
  private async followUps(
    manager: EntityManager,
    testimonyId: string,
    input: TestimonyFieldsDto,
    flagged: boolean,
  ): Promise<DueNotification[]> {
    if (input.consent.casework) await this.casework.request(manager, testimonyId);
    const due: DueNotification[] = [];
    if (input.email) {
      if (await this.receiptLimit.mayEmail(input.email)) {
        due.push(...(await this.messages.planReceipt(manager, testimonyId)));
      } else {
        this.logger.warn(`Testimony ${testimonyId}: no receipt emailed, its address is over the day's cap`);
      }
    }
    if (flagged) due.push(...(await this.flags.suggested(manager, testimonyId)));
    return due;
  }

  private newTestimony(input: TestimonyFieldsDto, origin: Origin, taking: Taking): NewTestimony {
    const answers = input.answers ?? {};
    return {
      source: taking.source,
      enteredById: taking.enteredById,
      campaignId: origin.campaignId,
      eventId: origin.eventId,
      registrationId: origin.registrationId,
      themeIds: origin.themeIds,
      role: input.role,
      area: input.area,
      onBehalfOfYoungPerson: input.onBehalfOf === true,
      assessmentWaitWeeks: answers.assessmentWaitWeeks ?? null,
      planWaitWeeks: answers.planWaitWeeks ?? null,
      deadline: answers.deadline ?? null,
      tribunal: answers.tribunal ?? null,
      ageBand: answers.ageBand ?? null,
      schoolPhase: answers.schoolPhase ?? null,
      story: input.story,
      name: input.name ?? null,
      email: input.email ?? null,
      quoteConsent: input.consent.quote,
      contactConsent: input.consent.contact,
      shareWithAuthority: input.consent.shareWithAuthority,
      caseworkRequested: input.consent.casework,
    };
  }
}
