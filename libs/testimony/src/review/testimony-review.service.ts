import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '@roundtable/identity';
import { NotificationOutbox, type DueNotification } from '@roundtable/notifications';
import { InvalidInput, textLength, type RuleBroken } from '@roundtable/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { FieldCipher } from '../encryption/field-cipher';
import {
  NothingToChange,
  QuoteNotAllowed,
  redactionTooLong,
  retiredTheme,
  TestimonyNotFound,
  unknownTheme,
} from '../errors';
import { SafeguardingFlags } from '../safeguarding/safeguarding-flags.service';
import { NOTE_BODY_SEALED, TestimonyNote } from '../testimonies/testimony-note.entity';
import {
  EMAIL_SEALED,
  NAME_SEALED,
  REDACTED_STORY_SEALED,
  STORY_SEALED,
  Testimony,
} from '../testimonies/testimony.entity';
import { filtersOf, type ListTestimoniesQueryDto } from './list-testimonies-query.dto';
import type { TestimonyDetail } from './testimony-detail';
import { TestimonyReviewRepository } from './testimony-review.repository';
import type { TestimonySummary } from './testimony-summary';
import type { UpdateTestimonyDto } from './update-testimony.dto';

/** Room a redaction has beyond the story's own length, for markers such as "[name removed]". */
export const REDACTION_ALLOWANCE = 200;

/**
 * What staff do with testimony once it is in: list it, open it, tag, redact, annotate, choose
 * quotes, flag. Every list and every opening is in the audit log (ids, filters and counts only),
 * written before anything is returned, so nothing is read that the log does not show.
 */
@Injectable()
export class TestimonyReviewService {
  private readonly logger = new Logger(TestimonyReviewService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly reviews: TestimonyReviewRepository,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditLog,
    private readonly flags: SafeguardingFlags,
    private readonly outbox: NotificationOutbox,
  ) {}

  async list(
    query: ListTestimoniesQueryDto,
    actorId: string,
  ): Promise<{ items: TestimonySummary[]; total: number }> {
    const filters = filtersOf(query);
    return this.dataSource.transaction(async (manager) => {
      const page = await this.reviews.list(manager, filters, query);
      await this.audit.record(
        {
          actorId,
          action: 'testimony.list',
          subjectType: 'testimony',
          detail: {
            ...filters,
            limit: query.limit,
            offset: query.offset,
            count: page.items.length,
            total: page.total,
          },
        },
        manager,
      );
      return page;
    });
  }

  /** One testimony, opened; the read is audited. */
  async read(id: string, actorId: string): Promise<TestimonyDetail> {
    return this.dataSource.transaction(async (manager) => {
      const detail = await this.opened(manager, id);
      await this.audit.record(
        { actorId, action: 'testimony.read', subjectType: 'testimony', subjectId: id },
        manager,
      );
      return detail;
    });
  }

  /**
   * Applies a review change in one transaction, all or nothing, audited with the names of the
   * fields that changed (never their values). Raising the safeguarding flag plans the lead's
   * alert in the same transaction; it is enqueued after commit. Returns the testimony as it now is.
   */
  async update(id: string, patch: UpdateTestimonyDto, actorId: string): Promise<TestimonyDetail> {
    const changing = changedFields(patch);
    if (changing.length === 0) throw new NothingToChange();
    let alerts: DueNotification[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      const testimony = await this.reviews.findOne(manager, id, { lock: true });
      if (!testimony) throw new TestimonyNotFound(id);
      if (patch.themeIds !== undefined) await this.checkThemes(manager, id, patch.themeIds);
      const fields = [...changing];
      this.applyRedaction(testimony, patch, fields);
      if (patch.status !== undefined) testimony.status = patch.status;
      if (patch.quoteSelected !== undefined) this.selectQuote(testimony, patch.quoteSelected);
      if (patch.safeguardingFlag === null) clearFlag(testimony);
      await manager.getRepository(Testimony).save(testimony);
      if (patch.safeguardingFlag === 'raised') alerts = await this.flags.raise(manager, id, actorId);
      if (patch.themeIds !== undefined)
        await this.reviews.replaceThemes(manager, id, [...new Set(patch.themeIds)]);
      const noteId = patch.note !== undefined ? await this.addNote(manager, id, patch.note, actorId) : null;
      await this.audit.record(
        {
          actorId,
          action: 'testimony.update',
          subjectType: 'testimony',
          subjectId: id,
          detail: { fields, ...(noteId && { noteId }) },
        },
        manager,
      );
      return this.opened(manager, id);
    });
    this.logger.log(`Testimony ${id} updated by ${actorId}`);
    await this.outbox.enqueue(alerts);
    return result;
  }

  private async opened(manager: EntityManager, id: string): Promise<TestimonyDetail> {
    const testimony = await this.reviews.findOne(manager, id);
    if (!testimony) throw new TestimonyNotFound(id);
    const [themes, notes] = await Promise.all([
      this.reviews.themesOf(manager, [id]),
      this.reviews.notesOf(manager, id),
    ]);
    return toDetail(testimony, {
      themes: themes.get(id) ?? [],
      story: STORY_SEALED.open(this.cipher, id, testimony.story),
      redactedStory: REDACTED_STORY_SEALED.open(this.cipher, id, testimony.redactedStory),
      name: NAME_SEALED.open(this.cipher, id, testimony.name),
      email: EMAIL_SEALED.open(this.cipher, id, testimony.email),
      notes: notes.map((note) => ({
        id: note.id,
        body: NOTE_BODY_SEALED.open(this.cipher, note.id, note.body),
        author: note.author ? { id: note.author.id, name: note.author.name } : null,
        createdAt: note.createdAt,
      })),
    });
  }

  /** New tags must be active themes; a retired theme it already has may stay, so history is kept. */
  private async checkThemes(manager: EntityManager, id: string, themeIds: readonly string[]): Promise<void> {
    const found = await this.reviews.themesByIds(manager, themeIds);
    const current = ((await this.reviews.themesOf(manager, [id])).get(id) ?? []).map((theme) => theme.id);
    const problems: RuleBroken[] = [];
    for (const themeId of new Set(themeIds)) {
      const theme = found.find((candidate) => candidate.id === themeId);
      if (!theme) problems.push(unknownTheme('themeIds', themeId));
      else if (theme.status !== 'active' && !current.includes(themeId))
        problems.push(retiredTheme('themeIds', themeId));
    }
    if (problems.length > 0) throw new InvalidInput(problems);
  }

  /** Seals the new redaction beside the original, which is never touched; removing it unselects the quote. */
  private applyRedaction(testimony: Testimony, patch: UpdateTestimonyDto, fields: string[]): void {
    if (patch.redactedStory === undefined) return;
    if (patch.redactedStory === null) {
      testimony.redactedStory = null;
      if (testimony.quoteSelected && patch.quoteSelected === undefined) {
        testimony.quoteSelected = false;
        fields.push('quoteSelected');
      }
      return;
    }
    const story = STORY_SEALED.open(this.cipher, testimony.id, testimony.story);
    const max = textLength(story) + REDACTION_ALLOWANCE;
    if (textLength(patch.redactedStory) > max) throw new InvalidInput([redactionTooLong(max)]);
    testimony.redactedStory = REDACTED_STORY_SEALED.seal(this.cipher, testimony.id, patch.redactedStory);
  }

  private selectQuote(testimony: Testimony, selected: boolean): void {
    if (selected) {
      if (testimony.quoteConsent !== 'quote-anonymously')
        throw new QuoteNotAllowed(testimony.id, 'no-quote-consent');
      if (testimony.redactedStory === null) throw new QuoteNotAllowed(testimony.id, 'no-redaction');
    }
    testimony.quoteSelected = selected;
  }

  private async addNote(
    manager: EntityManager,
    testimonyId: string,
    body: string,
    authorId: string,
  ): Promise<string> {
    const id = randomUUID();
    await manager.getRepository(TestimonyNote).insert({
      id,
      testimonyId,
      authorId,
      body: NOTE_BODY_SEALED.seal(this.cipher, id, body),
    });
    return id;
  }
}

/** The flag comes down; raising goes through SafeguardingFlags, which alerts the lead. */
function clearFlag(testimony: Testimony): void {
  testimony.safeguardingFlag = null;
  testimony.flaggedAt = null;
}

const PATCHABLE = [
  'themeIds',
  'status',
  'redactedStory',
  'note',
  'quoteSelected',
  'safeguardingFlag',
] as const;

function changedFields(patch: UpdateTestimonyDto): string[] {
  return PATCHABLE.filter((field) => patch[field] !== undefined);
}

function toDetail(
  testimony: Testimony,
  opened: Pick<TestimonyDetail, 'themes' | 'story' | 'redactedStory' | 'name' | 'email' | 'notes'>,
): TestimonyDetail {
  const registration = testimony.registration;
  return {
    id: testimony.id,
    submittedAt: testimony.submittedAt,
    source: testimony.source,
    role: testimony.role,
    area: testimony.area,
    onBehalfOfYoungPerson: testimony.onBehalfOfYoungPerson,
    status: testimony.status,
    quoteConsent: testimony.quoteConsent,
    contactConsent: testimony.contactConsent,
    shareWithAuthority: testimony.shareWithAuthority,
    caseworkRequested: testimony.caseworkRequested,
    safeguardingFlag: testimony.safeguardingFlag,
    flaggedAt: testimony.flaggedAt,
    hasRedaction: testimony.redactedStory !== null,
    quoteSelected: testimony.quoteSelected,
    campaignId: testimony.campaignId,
    event: testimony.event ? { id: testimony.event.id, title: testimony.event.title } : null,
    attendedEvent:
      registration?.status === 'attended' &&
      registration.eventId === testimony.eventId &&
      testimony.eventId !== null,
    answers: {
      assessmentWaitWeeks: testimony.assessmentWaitWeeks,
      planWaitWeeks: testimony.planWaitWeeks,
      deadline: testimony.deadline,
      tribunal: testimony.tribunal,
      ageBand: testimony.ageBand,
      schoolPhase: testimony.schoolPhase,
    },
    enteredById: testimony.enteredById,
    updatedAt: testimony.updatedAt,
    ...opened,
  };
}
