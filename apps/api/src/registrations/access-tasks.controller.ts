import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EventsService } from '@roundtable/events';
import { Clock, PageQueryDto, type Page } from '@roundtable/platform';
import {
  AccessTasksRepository,
  AccessTasksService,
  ArrangeAccessTaskDto,
  toAccessTaskView,
  type AccessTaskView,
} from '@roundtable/registrations';
import { Authenticated, STAFF } from '../auth/roles.decorator';
import { uuidPipe } from '../http/uuid.pipe';

@ApiTags('registrations')
@Controller('api/v1')
@Authenticated(...STAFF)
export class AccessTasksController {
  constructor(
    private readonly events: EventsService,
    private readonly tasks: AccessTasksRepository,
    private readonly accessTasks: AccessTasksService,
    private readonly clock: Clock,
  ) {}

  @Get('events/:id/access-tasks')
  @ApiOperation({
    summary: 'Access needs to arrange for an event: open (late first), then arranged, then cancelled',
  })
  async list(
    @Param('id', uuidPipe('event')) eventId: string,
    @Query() page: PageQueryDto,
  ): Promise<Page<AccessTaskView> & { late: number }> {
    await this.events.get(eventId);
    const now = this.clock.now();
    const [items, total] = await this.tasks.listForEvent(eventId, page);
    return {
      items: items.map((task) => toAccessTaskView(task, now)),
      total,
      late: await this.tasks.countLate(eventId, now),
    };
  }

  @Post('access-tasks/:id/arrange')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Mark an access need arranged and email the attendee; arranging it again changes and sends nothing',
  })
  @ApiConflictResponse({ description: 'The task was cancelled, or the event or registration is.' })
  async arrange(
    @Param('id', uuidPipe('access task')) id: string,
    @Body() body: ArrangeAccessTaskDto,
  ): Promise<AccessTaskView & { changed: boolean }> {
    const { task, changed } = await this.accessTasks.arrange(id, body.note);
    const loaded = (await this.tasks.findWithRegistration(task.id)) ?? task;
    return { ...toAccessTaskView(loaded, this.clock.now()), changed };
  }
}
