import request from 'supertest';
import { seedEvent } from '../../../../../test/support/notification-seed';
import { createTestApi, type TestApi } from '../../../../../test/support/test-app';
import { PublicReadChanges } from './public-read-changes';

/**
 * The public page cache against real Postgres: a reply is reused while nothing it shows has
 * changed, and let go the moment something has, whoever wrote it. To see a reuse at all, a test
 * turns the tables' notifying triggers off and changes a title behind the cache's back: the stale
 * title showing proves the page came from the cache; with the triggers on it never may.
 */
describe('public page cache', () => {
  let api: TestApi;
  let changes: PublicReadChanges;

  beforeAll(async () => {
    api = await createTestApi('public-read-cache', { env: { PUBLIC_PAGE_CACHE_SECONDS: '10' } });
    changes = api.app.get(PublicReadChanges);
    await until(() => changes.listening);
  }, 60_000);
  afterAll(async () => {
    await api?.close();
  });

  async function until(condition: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> {
    const started = Date.now();
    while (!(await condition())) {
      if (Date.now() - started > ms) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Renames an event without the triggers knowing (so only the cache's age or a bypass shows it). */
  async function renameQuietly(id: string, title: string): Promise<void> {
    await api.dataSource.transaction(async (manager) => {
      await manager.query(`ALTER TABLE events DISABLE TRIGGER events_public_reads_updated`);
      await manager.query(`UPDATE events SET title = $2 WHERE id = $1`, [id, title]);
      await manager.query(`ALTER TABLE events ENABLE TRIGGER events_public_reads_updated`);
    });
  }

  /** Renames an event as any writer would; resolves once this process has heard of it. */
  async function rename(id: string, title: string): Promise<void> {
    const before = changes.version;
    await api.dataSource.query(`UPDATE events SET title = $2 WHERE id = $1`, [id, title]);
    await until(() => changes.version > before);
  }

  const page = (path: string, cookie?: string) => {
    const call = request(api.http).get(path);
    return (cookie ? call.set('Cookie', cookie) : call).expect(200);
  };

  it('reuses the list, the event page and their JSON until a change, then shows the change', async () => {
    const event = await seedEvent(api.dataSource, { title: 'Transport to school: a roundtable' });
    const paths = [
      '/events',
      `/events/${event.id}`,
      '/api/v1/public/events',
      `/api/v1/public/events/${event.id}`,
    ];
    for (const path of paths) expect((await page(path)).text).toContain('Transport to school');

    await renameQuietly(event.id, 'Renamed behind the cache');
    for (const path of paths) expect((await page(path)).text).toContain('Transport to school');

    await rename(event.id, 'Transport to school and college: a roundtable');
    for (const path of paths) expect((await page(path)).text).toContain('Transport to school and college');
  });

  it('answers a crowd arriving together after a change with the changed page, every one', async () => {
    const event = await seedEvent(api.dataSource, { title: 'Crowd: before' });
    await page(`/events/${event.id}`);
    await rename(event.id, 'Crowd: after');
    const replies = await Promise.all(Array.from({ length: 20 }, () => page(`/events/${event.id}`)));
    expect(replies.map((reply) => reply.text.includes('Crowd: after'))).toEqual(Array(20).fill(true));
    const nonces = replies.map(
      (reply) => /'nonce-([^']+)'/.exec(reply.headers['content-security-policy'])![1],
    );
    replies.forEach((reply, i) => expect(reply.text).toContain(`nonce="${nonces[i]}"`));
  });

  it('shows a place being taken at once: the event page says it is full after the last place goes', async () => {
    const event = await seedEvent(api.dataSource, { title: 'One place left', capacity: 1 });
    expect((await page(`/events/${event.id}`)).text).not.toContain('All the places have been taken');
    await request(api.http)
      .post(`/api/v1/public/events/${event.id}/registrations`)
      .send({ name: 'Pat Parent', email: 'pat.parent@example.org', role: 'parent_carer' })
      .expect((res) => expect(res.status).toBeLessThan(300));
    await until(async () =>
      (await page(`/events/${event.id}`)).text.includes('All the places have been taken'),
    );
  });

  it('lets a page go once it is older than the setting, by the app clock', async () => {
    const event = await seedEvent(api.dataSource, { title: 'Age limit: before' });
    expect((await page(`/events/${event.id}`)).text).toContain('Age limit: before');
    await renameQuietly(event.id, 'Age limit: after');
    expect((await page(`/events/${event.id}`)).text).toContain('Age limit: before');
    api.clock.advance(11_000);
    expect((await page(`/events/${event.id}`)).text).toContain('Age limit: after');
  });

  it('while one request renders a page that only age let go, serves the rest the page as it was', async () => {
    const event = await seedEvent(api.dataSource, { title: 'Renewing: before' });
    const path = `/events/${event.id}`;
    await page(path);
    await renameQuietly(event.id, 'Renewing: after');
    api.clock.advance(11_000);

    // The render that renews the page waits on this lock, so the next request comes while it is under way.
    const blocker = api.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    let renewing: Promise<request.Response> | undefined;
    try {
      await blocker.query('LOCK TABLE events IN ACCESS EXCLUSIVE MODE');
      renewing = page(path).then((res) => res);
      await until(async () => {
        const [{ waiting }] = await api.dataSource.query<Array<{ waiting: number }>>(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
        );
        return waiting > 0;
      });
      expect((await page(path)).text).toContain('Renewing: before');
    } finally {
      await blocker.commitTransaction();
      await blocker.release();
    }
    expect((await renewing).text).toContain('Renewing: after');
    expect((await page(path)).text).toContain('Renewing: after');

    // Twice the age limit on, nobody is served the old page: they wait for the render.
    await renameQuietly(event.id, 'Renewing: much later');
    api.clock.advance(21_000);
    const crowd = await Promise.all(Array.from({ length: 5 }, () => page(path)));
    expect(crowd.map((res) => res.text.includes('Renewing: much later'))).toEqual(Array(5).fill(true));
  });

  it('hears of a change only when a row changed, not of a statement that changed nothing', async () => {
    const event = await seedEvent(api.dataSource, { title: 'Full: before', capacity: 1 });
    const before = changes.version;
    // A booking that finds the event full: its UPDATE of places taken matches no row.
    await api.dataSource.query(
      `UPDATE events SET places_taken = places_taken + 1 WHERE id = $1 AND places_taken + 1 <= capacity - 1`,
      [event.id],
    );
    await api.dataSource.query(`UPDATE events SET title = title WHERE id = $1`, [event.id]);
    // Notifications arrive in commit order: once the rename's has, the two before would have too.
    await rename(event.id, 'Full: after');
    expect(changes.version).toBe(before + 1);
  });

  it('never serves a signed-in visitor from the cache', async () => {
    const event = await seedEvent(api.dataSource, { title: 'Signed in: before' });
    await page(`/events/${event.id}`);
    await renameQuietly(event.id, 'Signed in: after');
    expect((await page(`/events/${event.id}`, 'rt_session=rts_anything')).text).toContain('Signed in: after');
  });

  it("gives each reuse its own CSP nonce, the same as the page's header", async () => {
    const event = await seedEvent(api.dataSource, { title: 'Nonces' });
    const nonces: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await page(`/events/${event.id}`);
      const nonce = /'nonce-([^']+)'/.exec(res.headers['content-security-policy'])![1];
      expect(res.text).toContain(`nonce="${nonce}"`);
      nonces.push(nonce);
    }
    expect(new Set(nonces).size).toBe(3);
  });

  it('serves a reuse byte for byte as rendered but for the nonce, with its length in bytes', async () => {
    // Multi-byte text (Welsh, an em dash, an emoji) makes a length in characters wrong.
    const event = await seedEvent(api.dataSource, { title: 'Cyfarfod — anghenion addysgol 🎓 café' });
    for (const path of [`/events/${event.id}`, '/api/v1/public/events']) {
      const replies = [await page(path), await page(path)];
      const [first, reuse] = replies.map((res) => {
        const nonce = /'nonce-([^']+)'/.exec(res.headers['content-security-policy'])![1];
        expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text));
        expect(res.headers['content-type']).toBe(replies[0].headers['content-type']);
        return res.text.replaceAll(nonce, '<nonce>');
      });
      expect(reuse).toContain('anghenion addysgol 🎓 café');
      expect(reuse).toBe(first);
    }
  });

  it('serves nothing from the cache while it cannot hear Postgres, and listens again', async () => {
    const event = await seedEvent(api.dataSource, { title: 'Outage: before' });
    await page(`/events/${event.id}`);
    await api.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'roundtable-public-reads' AND datname = current_database()`,
    );
    await until(() => !changes.listening);
    await renameQuietly(event.id, 'Outage: after');
    expect((await page(`/events/${event.id}`)).text).toContain('Outage: after');
    await until(() => changes.listening);
    await rename(event.id, 'Outage: over');
    expect((await page(`/events/${event.id}`)).text).toContain('Outage: over');
  });
});
