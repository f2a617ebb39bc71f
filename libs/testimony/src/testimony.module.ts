import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@roundtable/identity';
import { NotificationsModule } from '@roundtable/notifications';
import { RegistrationsModule } from '@roundtable/registrations';
import { testimonyCipherProvider } from './encryption/testimony-cipher.provider';
import { CaseworkRequests } from './intake/casework-requests';
import { IntakeOrigin } from './intake/intake-origin';
import { receiptLinkKeysProvider, ReceiptLinkKeys } from './intake/receipt-link-keys';
import { TestimonyIntake } from './intake/testimony-intake.service';
import { TestimonyMessageFacts } from './notifications/testimony-message-facts';
import { TestimonyMessages } from './notifications/testimony-messages';
import { TestimonyReceipts } from './receipts/testimony-receipts.service';
import { SafeguardingFlags } from './safeguarding/safeguarding-flags.service';
import { CaseworkReferral } from './testimonies/casework-referral.entity';
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
    NotificationsModule,
    RegistrationsModule,
  ],
  providers: [
    testimonyCipherProvider,
    TestimonyWriter,
    ThemesRepository,
    ThemesService,
    receiptLinkKeysProvider,
    IntakeOrigin,
    CaseworkRequests,
    TestimonyMessages,
    TestimonyMessageFacts,
    SafeguardingFlags,
    TestimonyIntake,
    TestimonyReceipts,
  ],
  exports: [
    testimonyCipherProvider,
    TestimonyWriter,
    ThemesService,
    ReceiptLinkKeys,
    SafeguardingFlags,
    TestimonyIntake,
    TestimonyReceipts,
    TestimonyMessageFacts,
  ],
})
export class TestimonyModule {}
