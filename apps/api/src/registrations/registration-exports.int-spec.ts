import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { bearer } from '../../../../test/support/fixtures';
import { signedInAgent } from '../../../../test/support/hostile/page-session';
import { seedEvent, seedRegistration } from '../../../../test/support/notification-seed';
import { ADMIN, createTestApi, type TestApi } from '../../../../test/support/test-app';

/**
 * Issue 12, point 7: lists to take along. An event's registrations as CSV (API and the staff
 * page's button), and a printable sign-in sheet of the people coming; both audited as reads of
 * personal data with a count, never names. Cells a spreadsheet would run are written as text,
 * and the file name carries nothing of the title but ASCII letters, digits and hyphens.
 */
describe('registration lists: CSV export and sign-in sheet', () => {
  let api: TestApi;
  let adminToken: string;
  let eventId: string;

  beforeAll(async () => {
    api = await createTestApi('registration-exports');
    adminToken = await api.tokenFor('admin');
    const event = await seedEvent(api.dataSource, {
      title: 'Post-16 "places"\r\nSet-Cookie: x=1; a roundtable',
    });
    eventId = event.id;
    await seedRegistration(api.dataSource, event, 'confirmed', {
      name: 'Zara Young',
      email: 'zara@example.org',
      role: 'parent_carer',
      accessNeeds: ['bsl_interpreter', 'other'],
      accessNotes: 'Needs a seat near the front',
    });
    await seedRegistration(api.dataSource, event, 'attended', {
      name: 'adam Ashby',
      email: 'adam@example.org',
      role: 'educator',
      attendedAt: new Date('2026-01-10T10:05:00Z'),
    });
    await seedRegistration(api.dataSource, event, 'confirmed', {
      name: '=HYPERLINK("http://evil.example","click")',
      email: 'formula@example.org',
      accessNotes: '+44 7700 900000',
    });
    await seedRegistration(api.dataSource, event, 'waitlisted', {
      name: 'Wendy Wait',
      email: 'wendy@example.org',
    });
    await seedRegistration(api.dataSource, event, 'cancelled', {
      name: 'Carl Cancel',
      email: 'carl@example.org',
    });
  });
  afterAll(() => api.close());

  const audits = (action: string) =>
    api.dataSource.query(
      `SELECT actor_id, subject_id, detail FROM audit_log WHERE action = $1 ORDER BY at, id`,
      [action],
    );

  it('exports every registration as CSV, as an attachment with a safe name, and audits it with the count', async () => {
    const res = await request(api.http)
      .get(`/api/v1/events/${eventId}/registrations.csv`)
      .set(bearer(adminToken))
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const disposition = res.headers['content-disposition'] as string;
    expect(disposition).toMatch(
      /^attachment; filename="registrations-\d{4}-\d{2}-\d{2}-post-16-places-set-cookie-x-1-a-roundtab\.csv"$/,
    );
    expect(disposition).not.toMatch(/[\r\n]/);
    expect(res.headers['set-cookie']).toBeUndefined();

    const rows: string[][] = parse(res.text);
    expect(rows[0]).toEqual([
      'name',
      'email',
      'role',
      'status',
      'access needs',
      'access notes',
      'attended',
      'phone',
      'attendance',
      'party size',
    ]);
    expect(rows).toHaveLength(6);
    const byEmail = new Map(rows.slice(1).map((row) => [row[1], row]));
    expect(byEmail.get('zara@example.org')).toEqual([
      'Zara Young',
      'zara@example.org',
      'Parent or carer',
      'confirmed',
      'A British Sign Language (BSL) interpreter; Something else',
      'Needs a seat near the front',
      '',
      '',
      'In person',
      '1',
    ]);
    expect(byEmail.get('adam@example.org')?.[6]).toBe('2026-01-10T10:05:00.000Z');
    expect(byEmail.get('formula@example.org')?.[0]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(byEmail.get('formula@example.org')?.[5]).toBe("'+44 7700 900000");
    expect(byEmail.get('formula@example.org')?.[2]).toBe('Not given');

    const entries = await audits('registration.export');
    expect(entries).toEqual([
      { actor_id: expect.any(String), subject_id: eventId, detail: { format: 'csv', count: 5 } },
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/example\.org|Zara/);
  });

  it('is for staff only (401 without a token), answers 404 for an unknown event or a malformed id', async () => {
    await request(api.http).get(`/api/v1/events/${eventId}/registrations.csv`).expect(401);
    const unknown = await request(api.http)
      .get('/api/v1/events/6b1f3c1e-1111-4111-8111-111111111111/registrations.csv')
      .set(bearer(adminToken))
      .expect(404);
    expect(unknown.headers['content-type']).toMatch(/json/);
    expect(unknown.headers['content-disposition']).toBeUndefined();
    await request(api.http)
      .get('/api/v1/events/not-an-id/registrations.csv')
      .set(bearer(adminToken))
      .expect(404);
  });

  it('gives staff the same file from the event page, whose buttons lead to it and to the sign-in sheet', async () => {
    const agent = await signedInAgent(api, ADMIN.email, ADMIN.password);
    const page = await agent.get(`/staff/events/${eventId}`).expect(200);
    expect(page.text).toContain(`href="/staff/events/${eventId}/registrations.csv"`);
    expect(page.text).toContain(`href="/staff/events/${eventId}/sign-in-sheet"`);
    const before = (await audits('registration.export')).length;
    const file = await agent.get(`/staff/events/${eventId}/registrations.csv`).expect(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="registrations-/);
    expect(parse(file.text)).toHaveLength(6);
    expect(await audits('registration.export')).toHaveLength(before + 1);
    await request(api.http).get(`/staff/events/${eventId}/registrations.csv`).expect(303);
  });

  it('prints the people coming alphabetically, with access needs and a signature column, audited', async () => {
    const agent = await signedInAgent(api, ADMIN.email, ADMIN.password);
    const res = await agent.get(`/staff/events/${eventId}/sign-in-sheet`).expect(200);
    expect(res.text).toContain('/public/sign-in-sheet-print.css');
    expect(res.text).toContain('3 people coming');
    const names = [...res.text.matchAll(/<td class="govuk-table__cell rt-break-anywhere">([^<]+)/g)]
      .map((match) => match[1]!.trim())
      .filter((_, index) => index % 2 === 0);
    // Case ignored; "=" sorts before letters.
    expect(names).toEqual([
      '=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)',
      'adam Ashby',
      'Zara Young',
    ]);
    expect(res.text).toContain('A British Sign Language (BSL) interpreter; Something else');
    expect(res.text).toContain('Needs a seat near the front');
    expect(res.text).toContain('>Signature</th>');
    expect(res.text).not.toContain('Wendy Wait');
    expect(res.text).not.toContain('Carl Cancel');
    expect(await audits('registration.print')).toEqual([
      { actor_id: expect.any(String), subject_id: eventId, detail: { count: 3 } },
    ]);
    await agent.get('/staff/events/6b1f3c1e-1111-4111-8111-111111111111/sign-in-sheet').expect(404);
  });

  it('gives the sign-in sheet through the API too, for staff, audited', async () => {
    await request(api.http).get(`/api/v1/events/${eventId}/sign-in-sheet`).expect(401);
    const before = (await audits('registration.print')).length;
    const res = await request(api.http)
      .get(`/api/v1/events/${eventId}/sign-in-sheet`)
      .set(bearer(adminToken))
      .expect(200);
    expect(res.body).toMatchObject({ eventId, when: expect.any(String) });
    expect(res.body.people.map((person: { name: string }) => person.name)).toEqual([
      '=HYPERLINK("http://evil.example","click")',
      'adam Ashby',
      'Zara Young',
    ]);
    expect(res.body.people[1]).toMatchObject({ role: 'Teacher, SENCO or other educator', checkedIn: true });
    expect(res.body.people[2]).toMatchObject({
      accessNeeds: 'A British Sign Language (BSL) interpreter; Something else',
      accessNotes: 'Needs a seat near the front',
      checkedIn: false,
    });
    expect(await audits('registration.print')).toHaveLength(before + 1);
  });
});
