import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SiteText } from './site-text.entity';
import { SiteTexts } from './site-texts.service';

/** The editable fixed pages' texts: used by the API controller and the pages. */
@Module({
  imports: [TypeOrmModule.forFeature([SiteText])],
  providers: [SiteTexts],
  exports: [SiteTexts],
})
export class SiteTextsModule {}
