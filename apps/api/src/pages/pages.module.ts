import { Module } from '@nestjs/common';
import { EventsModule } from '@roundtable/events';

@Module({
  imports: [EventsModule],
  controllers: [],
})
export class PagesModule {}
