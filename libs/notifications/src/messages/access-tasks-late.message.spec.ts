import { composeAndParse, event, OFFICE } from '../test-support/notification-fixtures';
import { toMailOptions } from '../mail/mail-options';
import { accessTasksLateMessage, type AccessTasksLateInput } from './access-tasks-late.message';

const STAFF_URL = 'https://roundtable.example/staff/events/3f2b9c1e-7a4d-4c2b-9e61-0a1b2c3d4e5f';

function input(overrides: Partial<AccessTasksLateInput> = {}): AccessTasksLateInput {
  return {
    event: event(),
    office: { ...OFFICE },
    tasks: [
      { need: 'Childcare', dueAt: new Date('2026-06-17T09:00:00Z') },
      { need: 'A British Sign Language (BSL) interpreter', dueAt: new Date('2026-06-10T09:00:00Z') },
    ],
    staffEventUrl: STAFF_URL,
    ...overrides,
  };
}

describe('accessTasksLateMessage, composed by nodemailer and read back by mailparser', () => {
  async function parsed(built = accessTasksLateMessage(input())) {
    return (await composeAndParse(toMailOptions(built, { from: OFFICE.email, to: 'olu@example.org' })))
      .parsed;
  }

  it('says how many needs are late for which event, in the subject and the title', async () => {
    const mail = await parsed();
    expect(mail.subject).toBe('Late: 2 access needs are not arranged for Waiting for an EHC plan');
    expect(mail.text).toMatch(/^2 access needs are not arranged yet/);
    expect(mail.html).toContain('<h1');
  });

  it('lists each need with its due date in UK time, soonest first, in both parts', async () => {
    const mail = await parsed();
    const bsl = 'A British Sign Language (BSL) interpreter: was due Wednesday 10 June 2026';
    const childcare = 'Childcare: was due Wednesday 17 June 2026';
    expect(mail.text).toContain(`- ${bsl}\n- ${childcare}`);
    expect(mail.html).toContain(bsl);
    expect(mail.html).toContain(childcare);
    expect(mail.text).toContain('Wednesday 1 July 2026, 10am to midday (UK time)');
  });

  it('links to the staff event page with link text that makes sense on its own', async () => {
    const mail = await parsed();
    expect(mail.text).toContain(`See the access needs on the staff event page:\n${STAFF_URL}`);
    expect(mail.html).toContain(`href="${STAFF_URL}"`);
    expect(mail.html).toMatch(/<a [^>]*>See the access needs on the staff event page<\/a>/);
  });

  it('says it leaves out who asked, and has no calendar invite', async () => {
    const built = accessTasksLateMessage(input());
    expect(built.text).toContain('This email leaves out who asked');
    expect(built.calendar).toBeUndefined();
    expect((await parsed(built)).attachments).toEqual([]);
  });

  it('speaks of one need in the singular', () => {
    const built = accessTasksLateMessage(
      input({ tasks: [{ need: 'A quiet room', dueAt: new Date('2026-06-17T09:00:00Z') }] }),
    );
    expect(built.subject).toBe('Late: 1 access need is not arranged for Waiting for an EHC plan');
    expect(built.text).toContain(
      'This access need for Waiting for an EHC plan was due to be arranged and is still open.',
    );
  });

  it('escapes what it puts into the HTML', () => {
    const built = accessTasksLateMessage(input({ event: event({ title: '<script>x</script>' }) }));
    expect(built.html).not.toContain('<script>');
    expect(built.html).toContain('&lt;script&gt;');
  });

  it('refuses to say nothing is late', () => {
    expect(() => accessTasksLateMessage(input({ tasks: [] }))).toThrow(/at least one late task/);
  });
});
