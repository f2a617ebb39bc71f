import {
  Body,
  Controller,
  Get,
  Logger,
  NotFoundException,
  Param,
  Post,
  Query,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { EventsService, toEventView } from '@roundtable/events';
import type { User } from '@roundtable/identity';
import { checkText, Clock, formatLondonDate } from '@roundtable/platform';
import { AccessTasksRepository, AccessTasksService, toAccessTaskView } from '@roundtable/registrations';
import type { Response } from 'express';
import { CurrentUser } from '../../../auth/current-user.decorator';
import { uuidPipe } from '../../../http/uuid.pipe';
import { CsrfGuard } from '../../../auth/pages/csrf.guard';
import { StaffPageGuard } from '../../../auth/pages/staff-page.guard';
import { FormErrors, NO_ERRORS, type FormErrorsView } from '../../forms/form-errors';
import { textField } from '../../forms/form-fields';
import { explainRefusal, sentence } from '../../forms/service-errors';

/** The most tasks the page lists; an event has a handful. */
const MOST_TASKS = 500;
const NOTE_LIMIT = 1000;

/**
 * What people need to take part, for staff to arrange: late ones first and marked as late, each
 * with a form to mark it arranged (the attendee is emailed), then those arranged or cancelled.
 */
@ApiExcludeController()
@Controller('staff')
@UseGuards(StaffPageGuard, CsrfGuard)
export class AccessTaskPagesController {
  private readonly logger = new Logger(AccessTaskPagesController.name);

  constructor(
    private readonly events: EventsService,
    private readonly tasks: AccessTasksRepository,
    private readonly accessTasks: AccessTasksService,
    private readonly clock: Clock,
  ) {}

  @Get('events/:id/access-needs')
  async page(
    @Param('id', uuidPipe('event')) id: string,
    @Query('done') done: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const message =
      done === 'arranged' ? 'Marked as arranged. We will email the person to tell them.' : undefined;
    await this.render(res, id, 200, NO_ERRORS, { done: message });
  }

  @Post('access-tasks/:taskId/arrange')
  async arrange(
    @Param('taskId', uuidPipe('access task')) taskId: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    const task = await this.tasks.findWithRegistration(taskId);
    if (!task) throw new NotFoundException('There is no access need with that id. Check the link.');
    const note = textField(body, 'note').trim();
    const field = `note-${taskId}`;
    const errors = new FormErrors();
    // The note is emailed to the person: the text rule applies.
    const checked = checkText(note, { field: 'the note', max: NOTE_LIMIT, multiLine: true, optional: true });
    if (!checked.ok)
      errors.add(
        field,
        checked.problem === 'too-long'
          ? `The note must be ${NOTE_LIMIT} characters or fewer`
          : sentence(checked.message),
      );
    let status = 400;
    if (checked.ok && !errors.any) {
      try {
        await this.accessTasks.arrange(taskId, checked.value || null);
        this.logger.log(`user ${user.id} arranged access task ${taskId}`);
        res.redirect(303, `/staff/events/${task.eventId}/access-needs?done=arranged`);
        return;
      } catch (error) {
        status = explainRefusal(error, errors);
      }
    }
    await this.render(res, task.eventId, status, errors.toView([field]), { notes: { [taskId]: note } });
  }

  private async render(
    res: Response,
    eventId: string,
    status: number,
    errors: FormErrorsView,
    extra: { done?: string; notes?: Record<string, string> },
  ): Promise<void> {
    const event = await this.events.get(eventId);
    const now = this.clock.now();
    const [tasks] = await this.tasks.listForEvent(eventId, { limit: MOST_TASKS, offset: 0 });
    const views = tasks.map((task) => ({
      ...toAccessTaskView(task, now),
      dueOn: formatLondonDate(task.dueAt),
      arrangedOn: task.arrangedAt ? formatLondonDate(task.arrangedAt) : null,
      noteValue: extra.notes?.[task.id] ?? '',
    }));
    res.status(status).render('pages/registrations/access-needs/access-needs.njk', {
      event: toEventView(event),
      open: views.filter((task) => task.status === 'open'),
      done: extra.done,
      closed: views.filter((task) => task.status !== 'open'),
      late: views.filter((task) => task.late).length,
      canArrange: event.status !== 'cancelled',
      ...errors,
    });
  }
}
