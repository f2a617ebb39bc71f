import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@roundtable/identity';
import { NotificationsModule } from '@roundtable/notifications';
import { RegistrationsModule } from '@roundtable/registrations';
import { CaseworkQueueService } from './casework/casework-queue.service';
import { testimonyCipherProvider } from './encryption/testimony-cipher.provider';
import { INTAKE_EXPORTS, INTAKE_PROVIDERS } from './intake/intake.providers';
import { TestimonyReviewRepository } from './review/testimony-review.repository';
import { TestimonyReviewService } from './review/testimony-review.service';
import { CaseworkReferral } from './testimonies/casework-referral.entity';
import { TestimonyReportsRepository } from './reports/testimony-reports.repository';
import { TestimonyReportsService } from './reports/testimony-reports.service';
import { PROTECTION_EXPORTS, PROTECTION_PROVIDERS } from './retention/protection.providers';
import { TestimonyErasure } from './testimonies/testimony-erasure.entity';
import { TestimonyNote } from './testimonies/testimony-note.entity';
import { TestimonyTheme } from './testimonies/testimony-theme.entity';
import { TestimonyWriter } from './testimonies/testimony-writer';
import { Testimony } from './testimonies/testimony.entity';
import { Theme } from './themes/theme.entity';
import { TestimonyImportMapping } from './imports/testimony-import-mapping.entity';
import { TestimonyImport } from './imports/testimony-import.entity';
import { TestimonyImportsRepository } from './imports/testimony-imports.repository';
import { TestimonyImportsService } from './imports/testimony-imports.service';
import { ThemesRepository } from './themes/themes.repository';
import { ThemesService } from './themes/themes.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Theme,
      Testimony,
      TestimonyTheme,
      TestimonyNote,
      CaseworkReferral,
      TestimonyErasure,
      TestimonyImport,
      TestimonyImportMapping,
    ]),
    IdentityModule,
    NotificationsModule,
    RegistrationsModule,
  ],
  providers: [
    testimonyCipherProvider,
    TestimonyWriter,
    ThemesRepository,
    ThemesService,
    TestimonyReportsRepository,
    TestimonyReportsService,
    ...INTAKE_PROVIDERS,
    ...PROTECTION_PROVIDERS,
    TestimonyReviewRepository,
    TestimonyReviewService,
    CaseworkQueueService,
    TestimonyImportsRepository,
    TestimonyImportsService,
  ],
  exports: [
    testimonyCipherProvider,
    TestimonyWriter,
    ThemesService,
    TestimonyReportsService,
    ...INTAKE_EXPORTS,
    ...PROTECTION_EXPORTS,
    TestimonyReviewService,
    CaseworkQueueService,
    TestimonyImportsService,
  ],
})
export class TestimonyModule {}
