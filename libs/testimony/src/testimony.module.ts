import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Theme } from './themes/theme.entity';
import { ThemesRepository } from './themes/themes.repository';
import { ThemesService } from './themes/themes.service';

@Module({
  imports: [TypeOrmModule.forFeature([Theme])],
  providers: [ThemesRepository, ThemesService],
  exports: [ThemesService],
})
export class TestimonyModule {}
