import { createTestApi, type TestApi } from '../../../../test/support/test-app';
import { newTestimony } from '../../../../test/support/testimony-seed';
import { FieldCipher } from '../encryption/field-cipher';
import { TestimonyWriter } from './testimony-writer';
import { EMAIL_SEALED, NAME_SEALED, STORY_SEALED } from './testimony.entity';

describe('TestimonyWriter', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi('testimony-writer');
  });
  afterAll(() => api.close());

  it('seals the story, name and email under the row id and tags its themes', async () => {
    const [theme] = await api.dataSource.query(`SELECT id FROM themes WHERE slug = 'funding'`);
    const writer = api.app.get(TestimonyWriter);
    const [id] = await api.dataSource.transaction((manager) =>
      writer.insert(manager, [
        newTestimony({
          planWaitWeeks: null,
          story: 'Our son waited thirty weeks.',
          name: 'Amira Khan',
          email: 'amira@example.org',
          themeIds: [theme.id, theme.id],
        }),
      ]),
    );
    const [row] = await api.dataSource.query(`SELECT * FROM testimonies WHERE id = $1`, [id]);
    const raw = JSON.stringify(row);
    expect(raw).not.toMatch(/thirty|Amira|amira@/);
    const cipher = api.app.get(FieldCipher);
    expect(STORY_SEALED.open(cipher, id, row.story)).toBe('Our son waited thirty weeks.');
    expect(NAME_SEALED.open(cipher, id, row.name)).toBe('Amira Khan');
    expect(EMAIL_SEALED.open(cipher, id, row.email)).toBe('amira@example.org');
    expect(row.assessment_wait_weeks).toBe(30);
    const tags = await api.dataSource.query(`SELECT theme_id FROM testimony_themes WHERE testimony_id = $1`, [
      id,
    ]);
    expect(tags).toEqual([{ theme_id: theme.id }]);
  });
});
