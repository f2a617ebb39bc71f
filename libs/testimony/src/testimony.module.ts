import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@roundtable/identity';
import { testimonyCipherProvider } from './encryption/testimony-cipher.provider';
import { CaseworkReferral } from './testimonies/casework-referral.entity';
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
  ],
  providers: [
    testimonyCipherProvider,
    TestimonyWriter,
    ThemesRepository,
    ThemesService,
    TestimonyImportsRepository,
    TestimonyImportsService,
  ],
  exports: [testimonyCipherProvider, TestimonyWriter, ThemesService, TestimonyImportsService],
})
export class TestimonyModule {}
