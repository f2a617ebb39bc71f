import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { Campaign } from '@roundtable/campaigns';
import { User } from '@roundtable/identity';
import { EncryptedColumn } from '../encryption/encrypted-column';
import type { ImportMapping } from './import-mapping';
import type { SurveyFileFormat } from './survey-sheet';

export const IMPORT_STATUSES = ['parsed', 'committed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** What a commit did, kept (counts only) for GET …/commit and the pages. */
export interface ImportResult {
  imported: number;
  alreadyImported: number;
  repeatedInFile: number;
  refused: number;
  committedAt: string;
}

/**
 * One uploaded survey export between upload and commit. Its rows hold people's stories, so they
 * are sealed (ROWS_SEALED, the JSON of every response) and cleared when the import is committed
 * or a day after upload, whichever comes first; the header row (the questions) stays plain.
 */
@Entity('testimony_imports')
@Check('testimony_imports_status_known', `"status" IN ('parsed', 'committed')`)
@Index('testimony_imports_by_expiry', ['expiresAt'])
export class TestimonyImport {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  status: ImportStatus;

  @Column({ type: 'text' })
  format: SurveyFileFormat;

  /** headerFingerprint(headers): the survey this is, for its saved mapping and its rows' external refs. */
  @Column({ type: 'text' })
  fingerprint: string;

  @Column({ type: 'jsonb' })
  headers: string[];

  @Column({ type: 'integer' })
  rowCount: number;

  /** Sealed (ROWS_SEALED): JSON of SurveyRow[]. Null once committed or expired. */
  @Column({ type: 'text', nullable: true })
  rows: string | null;

  /** The mapping staff last previewed for this import; commit uses it. */
  @Column({ type: 'jsonb', nullable: true })
  mapping: ImportMapping | null;

  @ManyToOne(() => Campaign, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'testimony_imports_campaign_fk' })
  campaign?: Campaign | null;

  @Column({ type: 'uuid', nullable: true })
  campaignId: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'uploaded_by_id', foreignKeyConstraintName: 'testimony_imports_uploaded_by_fk' })
  uploadedBy?: User | null;

  @Column({ type: 'uuid', nullable: true })
  uploadedById: string | null;

  @Column({ type: 'jsonb', nullable: true })
  result: ImportResult | null;

  /** A day after upload: its rows are cleared then if it was never committed. */
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

export const ROWS_SEALED = new EncryptedColumn('testimony_imports', 'rows');
