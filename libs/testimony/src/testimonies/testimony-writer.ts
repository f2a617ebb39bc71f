import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FieldCipher } from '../encryption/field-cipher';
import type { NewTestimony } from './new-testimony';
import { TestimonyTheme } from './testimony-theme.entity';
import { EMAIL_SEALED, NAME_SEALED, STORY_SEALED, Testimony } from './testimony.entity';

/**
 * The one place testimonies are written: every way in (the public form, staff entry, an import)
 * comes through here, so every story, name and email is sealed before it reaches a table.
 * Runs in the caller's transaction; the caller plans messages and audits in the same one.
 */
@Injectable()
export class TestimonyWriter {
  constructor(private readonly cipher: FieldCipher) {}

  /** Inserts each testimony with its themes; returns the new ids in order. */
  async insert(manager: EntityManager, testimonies: readonly NewTestimony[]): Promise<string[]> {
    if (testimonies.length === 0) return [];
    const now = new Date();
    const rows = testimonies.map((input) => this.sealedRow(input, now));
    // Many at once (an import) in chunks, so no statement passes Postgres's 65,535 parameters.
    for (const chunk of chunks(rows, 500)) await manager.getRepository(Testimony).insert(chunk);
    const tags = testimonies.flatMap((input, index) =>
      [...new Set(input.themeIds)].map((themeId) => ({ testimonyId: rows[index].id, themeId })),
    );
    for (const chunk of chunks(tags, 2000)) await manager.getRepository(TestimonyTheme).insert(chunk);
    return rows.map((row) => row.id);
  }

  private sealedRow(input: NewTestimony, now: Date): Partial<Testimony> & { id: string } {
    const id = randomUUID();
    const { story, name, email, themeIds: _themes, ...plain } = input;
    return {
      ...plain,
      id,
      submittedAt: input.submittedAt ?? now,
      story: STORY_SEALED.seal(this.cipher, id, story),
      name: NAME_SEALED.seal(this.cipher, id, name ?? null),
      email: EMAIL_SEALED.seal(this.cipher, id, email ?? null),
    };
  }
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}
