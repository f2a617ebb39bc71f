import { Injectable } from '@nestjs/common';
import { AuditLog } from '@roundtable/identity';
import { officeFromConfig, type Office } from '@roundtable/notifications';
import { AppConfig, FixedRefusal } from '@roundtable/platform';
import { DataSource } from 'typeorm';
import {
  defaultSiteText,
  isSiteTextKey,
  SITE_TEXT_KEYS,
  SITE_TEXT_TITLES,
  type RetentionPeriods,
  type SiteTextKey,
} from './site-text-defaults';
import { SiteText } from './site-text.entity';

export class SiteTextNotFound extends FixedRefusal(
  'not-found',
  'site-text-known',
  `there is no site text by that key: use one of ${SITE_TEXT_KEYS.join(', ')}`,
) {}

export interface SiteTextView {
  key: SiteTextKey;
  title: string;
  body: string;
  /** True while no admin has changed it: the body is the default text. */
  isDefault: boolean;
  updatedAt: string | null;
}

/** The privacy notice and accessibility statement: an admin's wording, or the default. */
@Injectable()
export class SiteTexts {
  private readonly periods: RetentionPeriods;
  private readonly office: Office;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    config: AppConfig,
  ) {
    this.periods = {
      testimonyMonths: config.get('TESTIMONY_RETENTION_MONTHS'),
      registrationDays: config.get('REGISTRATION_RETENTION_DAYS'),
    };
    this.office = officeFromConfig(config);
  }

  async list(): Promise<SiteTextView[]> {
    const rows = await this.dataSource.getRepository(SiteText).find();
    return SITE_TEXT_KEYS.map((key) =>
      this.view(
        key,
        rows.find((row) => row.key === key),
      ),
    );
  }

  async get(key: string): Promise<SiteTextView> {
    const known = this.known(key);
    return this.view(known, await this.dataSource.getRepository(SiteText).findOneBy({ key: known }));
  }

  /** Replaces the text (already checked as multi-line text by the caller's DTO or form). */
  async update(key: string, body: string, actorId: string): Promise<SiteTextView> {
    const known = this.known(key);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(SiteText).upsert({ key: known, body, updatedById: actorId }, ['key']);
      await this.audit.record(
        {
          actorId,
          action: 'site-text.update',
          subjectType: 'site-text',
          detail: { key: known, reset: false, length: body.length },
        },
        manager,
      );
    });
    return this.get(known);
  }

  /** Goes back to the default text (which follows the configured retention periods). */
  async reset(key: string, actorId: string): Promise<SiteTextView> {
    const known = this.known(key);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(SiteText).delete({ key: known });
      await this.audit.record(
        {
          actorId,
          action: 'site-text.update',
          subjectType: 'site-text',
          detail: { key: known, reset: true },
        },
        manager,
      );
    });
    return this.get(known);
  }

  private known(key: string): SiteTextKey {
    if (!isSiteTextKey(key)) throw new SiteTextNotFound();
    return key;
  }

  private view(key: SiteTextKey, row: SiteText | null | undefined): SiteTextView {
    return {
      key,
      title: SITE_TEXT_TITLES[key],
      body: row?.body ?? defaultSiteText(key, this.periods, this.office),
      isDefault: !row,
      updatedAt: row?.updatedAt.toISOString() ?? null,
    };
  }
}
