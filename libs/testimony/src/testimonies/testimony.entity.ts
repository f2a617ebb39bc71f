import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Campaign } from '@roundtable/campaigns';
import { EventEntity } from '@roundtable/events';
import { User } from '@roundtable/identity';
import { Registration } from '@roundtable/registrations';
import { EncryptedColumn } from '../encryption/encrypted-column';
import {
  AGE_BANDS,
  DEADLINE_ANSWERS,
  QUOTE_CONSENTS,
  RESPONDENT_ROLES,
  SAFEGUARDING_FLAGS,
  SCHOOL_PHASES,
  sqlIn,
  TESTIMONY_SOURCES,
  TESTIMONY_STATUSES,
  TRIBUNAL_ANSWERS,
  valuesOf,
  type AgeBand,
  type DeadlineAnswer,
  type QuoteConsent,
  type RespondentRole,
  type SafeguardingFlag,
  type SchoolPhase,
  type TestimonySource,
  type TestimonyStatus,
  type TribunalAnswer,
} from './testimony-vocabulary';

/**
 * What one person told us: special-category data about children. The free text (story, its
 * redacted version, name, email) is sealed with AES-256-GCM per field (see the *_SEALED columns
 * below); everything a report groups or filters on stays plain. Log the id, never a value.
 *
 * The id is given before the first save (randomUUID), since each sealed value is bound to it.
 */
@Entity('testimonies')
@Check('testimonies_source_known', sqlIn('source', TESTIMONY_SOURCES))
@Check('testimonies_status_known', sqlIn('status', TESTIMONY_STATUSES))
@Check('testimonies_role_known', sqlIn('role', valuesOf(RESPONDENT_ROLES)))
@Check('testimonies_quote_consent_known', sqlIn('quote_consent', valuesOf(QUOTE_CONSENTS)))
@Check('testimonies_flag_known', sqlIn('safeguarding_flag', SAFEGUARDING_FLAGS))
@Check('testimonies_age_band_known', sqlIn('age_band', valuesOf(AGE_BANDS)))
@Check('testimonies_school_phase_known', sqlIn('school_phase', valuesOf(SCHOOL_PHASES)))
@Check('testimonies_deadline_known', sqlIn('deadline', valuesOf(DEADLINE_ANSWERS)))
@Check('testimonies_tribunal_known', sqlIn('tribunal', valuesOf(TRIBUNAL_ANSWERS)))
@Check('testimonies_waits_sane', `"assessment_wait_weeks" >= 0 AND "plan_wait_weeks" >= 0`)
// Imported rows are found again by the survey's own response id, so a re-import adds nothing.
@Unique('testimonies_external_ref', ['externalRef'])
@Unique('testimonies_receipt_token_hash', ['receiptTokenHash'])
@Index('testimonies_by_campaign', ['campaignId', 'submittedAt'])
@Index('testimonies_by_event', ['eventId'])
@Index('testimonies_by_submitted', ['submittedAt'])
export class Testimony {
  @PrimaryColumn('uuid')
  id: string;

  @ManyToOne(() => Campaign, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'testimonies_campaign_fk' })
  campaign?: Campaign | null;

  @Column({ type: 'uuid', nullable: true })
  campaignId: string | null;

  /** The event it was heard at or written after; events are never deleted while testimony points at them. */
  @ManyToOne(() => EventEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'testimonies_event_fk' })
  event?: EventEntity | null;

  @Column({ type: 'uuid', nullable: true })
  eventId: string | null;

  /**
   * The registration whose manage link it was written from, so staff see "attended that event"
   * once that registration is marked attended (read from the registration, never copied).
   */
  @ManyToOne(() => Registration, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'registration_id', foreignKeyConstraintName: 'testimonies_registration_fk' })
  registration?: Registration | null;

  @Column({ type: 'uuid', nullable: true })
  registrationId: string | null;

  @Column({ type: 'text' })
  source: TestimonySource;

  @Column({ type: 'text' })
  role: RespondentRole;

  /** One of the events library's AREAS; an imported response may not say. */
  @Column({ type: 'text', nullable: true })
  area: string | null;

  /** A parent or carer writing for a young person: recorded as such, with the age band. */
  @Column({ type: 'boolean', default: false })
  onBehalfOfYoungPerson: boolean;

  // The structured answers, each optional, each plain so reports can summarise them.
  @Column({ type: 'integer', nullable: true })
  assessmentWaitWeeks: number | null;

  @Column({ type: 'integer', nullable: true })
  planWaitWeeks: number | null;

  @Column({ type: 'text', nullable: true })
  deadline: DeadlineAnswer | null;

  @Column({ type: 'text', nullable: true })
  tribunal: TribunalAnswer | null;

  @Column({ type: 'text', nullable: true })
  ageBand: AgeBand | null;

  @Column({ type: 'text', nullable: true })
  schoolPhase: SchoolPhase | null;

  /** Sealed (STORY_SEALED): what they wrote or said, as they gave it. */
  @Column({ type: 'text' })
  story: string;

  /** Sealed (REDACTED_STORY_SEALED): staff's redaction, the only text a report ever quotes. */
  @Column({ type: 'text', nullable: true })
  redactedStory: string | null;

  /** Sealed (NAME_SEALED), only if they chose to give it. */
  @Column({ type: 'text', nullable: true })
  name: string | null;

  /** Sealed (EMAIL_SEALED), only if they chose to give it: the receipt goes there. */
  @Column({ type: 'text', nullable: true })
  email: string | null;

  // Consent, each part withdrawable through the private link.
  @Column({ type: 'text' })
  quoteConsent: QuoteConsent;

  @Column({ type: 'boolean', default: false })
  contactConsent: boolean;

  @Column({ type: 'boolean', default: false })
  shareWithAuthority: boolean;

  @Column({ type: 'boolean', default: false })
  caseworkRequested: boolean;

  @Column({ type: 'text', default: 'new' })
  status: TestimonyStatus;

  @Column({ type: 'text', nullable: true })
  safeguardingFlag: SafeguardingFlag | null;

  @Column({ type: 'timestamptz', nullable: true })
  flaggedAt: Date | null;

  /** Chosen by staff as a quote for the report (used only while quote consent and a redaction stand). */
  @Column({ type: 'boolean', default: false })
  quoteSelected: boolean;

  /**
   * SHA-256 of the receipt link's token. The token is derived from `receiptNonce` under
   * `receiptKeyId` (one of LINK_KEYS) when the receipt is sent, so it is in no table.
   */
  @Column({ type: 'text', nullable: true })
  receiptTokenHash: string | null;

  @Column({ type: 'text', nullable: true })
  receiptNonce: string | null;

  @Column({ type: 'text', nullable: true })
  receiptKeyId: string | null;

  /** The member of staff who entered it on a speaker's behalf, or who ran the import. */
  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'entered_by_id', foreignKeyConstraintName: 'testimonies_entered_by_fk' })
  enteredBy?: User | null;

  @Column({ type: 'uuid', nullable: true })
  enteredById: string | null;

  /** For an import: the survey's own key for the response (e.g. `forms:<mapping id>:<ID>`). */
  @Column({ type: 'text', nullable: true })
  externalRef: string | null;

  /** When it was given: now for the form, the survey's completion time for an import. */
  @Column({ type: 'timestamptz' })
  submittedAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** The sealed columns of `testimonies`: every write and read of one goes through these. */
export const STORY_SEALED = new EncryptedColumn('testimonies', 'story');
export const REDACTED_STORY_SEALED = new EncryptedColumn('testimonies', 'redacted_story');
export const NAME_SEALED = new EncryptedColumn('testimonies', 'name');
export const EMAIL_SEALED = new EncryptedColumn('testimonies', 'email');
