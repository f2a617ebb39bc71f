import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@roundtable/identity';
import { testimonyCipherProvider } from './encryption/testimony-cipher.provider';
import { CaseworkReferral } from './testimonies/casework-referral.entity';
import { TestimonyRekey } from './rekey/testimony-rekey.service';
import { TestimonyRetention } from './retention/testimony-retention.service';
import { TestimonyErasure } from './testimonies/testimony-erasure.entity';
import { TestimonyNote } from './testimonies/testimony-note.entity';
import { TestimonyTheme } from './testimonies/testimony-theme.entity';
import { TestimonyWriter } from './testimonies/testimony-writer';
import { Testimony } from './testimonies/testimony.entity';
import { Theme } from './themes/theme.entity';
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
    ]),
    IdentityModule,
  ],
  providers: [
    testimonyCipherProvider,
    TestimonyWriter,
    ThemesRepository,
    ThemesService,
    TestimonyRetention,
    TestimonyRekey,
  ],
  exports: [testimonyCipherProvider, TestimonyWriter, ThemesService, TestimonyRetention, TestimonyRekey],
})
export class TestimonyModule {}
