import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, ValidateIf } from 'class-validator';
import { QUOTE_CONSENTS, valuesOf, type QuoteConsent } from '../../testimonies/testimony-vocabulary';

const QUOTE_VALUES = valuesOf(QUOTE_CONSENTS);
const quoteMessage = `consent.quote must be one of: ${QUOTE_VALUES.join(', ')}`;
const yesOrNo = (field: string) => IsBoolean({ message: `consent.${field} must be true or false` });

/** Consent in tiers, as given with the testimony: every part must be answered. */
export class TestimonyConsentDto {
  @ApiProperty({ enum: QUOTE_VALUES, description: 'How far the story may travel.' })
  @IsIn(QUOTE_VALUES, { message: quoteMessage })
  quote: QuoteConsent;

  @ApiProperty({ description: 'The office may contact me about what I wrote (needs an email).' })
  @yesOrNo('contact')
  contact: boolean;

  @ApiProperty({ description: 'The office may share what I wrote with the local authority.' })
  @yesOrNo('shareWithAuthority')
  shareWithAuthority: boolean;

  @ApiProperty({ description: 'Please take this up as casework (needs an email).' })
  @yesOrNo('casework')
  casework: boolean;
}

/** A change of consent through the receipt link: any part left out stays as it is. */
export class ChangeConsentDto {
  @ApiPropertyOptional({ enum: QUOTE_VALUES })
  @ValidateIf((_, value) => value !== undefined)
  @IsIn(QUOTE_VALUES, { message: quoteMessage })
  quote?: QuoteConsent;

  @ApiPropertyOptional()
  @ValidateIf((_, value) => value !== undefined)
  @yesOrNo('contact')
  contact?: boolean;

  @ApiPropertyOptional()
  @ValidateIf((_, value) => value !== undefined)
  @yesOrNo('shareWithAuthority')
  shareWithAuthority?: boolean;

  @ApiPropertyOptional()
  @ValidateIf((_, value) => value !== undefined)
  @yesOrNo('casework')
  casework?: boolean;
}
