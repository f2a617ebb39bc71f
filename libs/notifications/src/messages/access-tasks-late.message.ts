import { formatLondonDate } from '@roundtable/platform';
import type { EventSnapshot } from '../event-snapshot';
import { composeMessage } from './layout/compose-message';
import { whenText } from './layout/event-sections';
import { action, heading, list, paragraph } from './layout/message-blocks';
import type { Message, Office } from './message';

/** One late task as the staff email shows it: the need, never who needs it. */
export interface LateAccessTask {
  /** The need's label, e.g. "A British Sign Language (BSL) interpreter". */
  need: string;
  dueAt: Date;
}

export interface AccessTasksLateInput {
  event: Pick<EventSnapshot, 'title' | 'startsAt' | 'endsAt'>;
  office: Office;
  /** Still open, past their due date; at least one. */
  tasks: readonly LateAccessTask[];
  /** The staff event page, where the tasks are listed with names and can be marked arranged. */
  staffEventUrl: string;
}

/**
 * Tells the office that access needs for an event are past their due date and not yet arranged.
 * It goes by email, so it names needs and dates only: who needs them is on the staff page,
 * behind sign-in.
 */
export function accessTasksLateMessage(input: AccessTasksLateInput): Message {
  const count = input.tasks.length;
  if (count === 0) throw new Error('accessTasksLateMessage: give at least one late task');
  const { event } = input;
  const needs = count === 1 ? '1 access need is' : `${count} access needs are`;
  const tasks = [...input.tasks].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  return composeMessage({
    subject: `Late: ${needs} not arranged for ${event.title}`,
    title: `${needs.charAt(0).toUpperCase()}${needs.slice(1)} not arranged yet`,
    office: input.office,
    blocks: [
      paragraph('Hello,'),
      paragraph(
        `${count === 1 ? 'This access need' : `These ${count} access needs`} for ${event.title} ${count === 1 ? 'was' : 'were'} due to be arranged and ${count === 1 ? 'is' : 'are'} still open. The people who asked may not be able to take part unless ${count === 1 ? 'it is' : 'they are'} arranged.`,
      ),
      heading('What needs arranging'),
      list(tasks.map((task) => `${task.need}: was due ${formatLondonDate(task.dueAt)}`)),
      heading('The event'),
      paragraph(`${event.title}, ${whenText(event)}.`),
      heading('What to do'),
      paragraph(
        'Arrange each need, then mark it arranged on the staff page. The person is told by email when you do.',
      ),
      action('See the access needs on the staff event page', input.staffEventUrl),
      paragraph(
        `This email leaves out who asked, as email is not private enough. You can see names on the staff page after you sign in.`,
      ),
    ],
  });
}
