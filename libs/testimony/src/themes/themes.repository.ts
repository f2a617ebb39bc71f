import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, type SelectQueryBuilder } from 'typeorm';
import { Theme } from './theme.entity';

/** The slug of the catch-all theme, which every list puts last. */
export const OTHER_THEME_SLUG = 'other';

@Injectable()
export class ThemesRepository {
  constructor(@InjectRepository(Theme) private readonly themes: Repository<Theme>) {}

  findById(id: string, manager?: EntityManager): Promise<Theme | null> {
    return (manager ?? this.themes.manager)
      .getRepository(Theme)
      .findOne({ where: { id }, relations: { mergedInto: true } });
  }

  /**
   * Locks the themes' rows (in id order, so two merges of the same pair cannot deadlock) for the
   * rest of the transaction: a merge and a retire of the same theme happen one after the other.
   */
  lockForChange(manager: EntityManager, ids: string[]): Promise<Theme[]> {
    const sorted = [...new Set(ids)].sort();
    return manager
      .getRepository(Theme)
      .createQueryBuilder('theme')
      .where({ id: In(sorted) })
      .orderBy('theme.id', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
  }

  /** Any theme, of any status, whose name matches case-insensitively or whose slug is `slug`. */
  findClash(
    manager: EntityManager,
    name: string,
    slug: string | null,
    exceptId?: string,
  ): Promise<Theme | null> {
    const query = manager
      .getRepository(Theme)
      .createQueryBuilder('theme')
      .where(
        slug === null
          ? 'lower(theme.name) = lower(:name)'
          : '(lower(theme.name) = lower(:name) OR theme.slug = :slug)',
        {
          name,
          slug,
        },
      );
    if (exceptId) query.andWhere('theme.id <> :exceptId', { exceptId });
    return query.orderBy('theme.createdAt', 'ASC').getOne();
  }

  /** The ids of themes merged into this one. */
  async mergedInto(manager: EntityManager, id: string): Promise<string[]> {
    const rows = await manager
      .getRepository(Theme)
      .find({ select: { id: true }, where: { mergedIntoId: id } });
    return rows.map((row) => row.id);
  }

  /** Active themes for the public form, by name with "other" last. */
  listActive(page: { limit: number; offset: number }): Promise<[Theme[], number]> {
    return this.ordered(this.themes.createQueryBuilder('theme').where("theme.status = 'active'"))
      .limit(page.limit)
      .offset(page.offset)
      .getManyAndCount();
  }

  /** Every theme, retired ones too, with what each was merged into. */
  listAll(page: { limit: number; offset: number }): Promise<[Theme[], number]> {
    return this.ordered(
      this.themes.createQueryBuilder('theme').leftJoinAndSelect('theme.mergedInto', 'mergedInto'),
    )
      .limit(page.limit)
      .offset(page.offset)
      .getManyAndCount();
  }

  insert(manager: EntityManager, theme: Partial<Theme>): Promise<Theme> {
    const repository = manager.getRepository(Theme);
    return repository.save(repository.create(theme));
  }

  save(manager: EntityManager, theme: Theme): Promise<Theme> {
    return manager.getRepository(Theme).save(theme);
  }

  private ordered(query: SelectQueryBuilder<Theme>): SelectQueryBuilder<Theme> {
    return query
      .orderBy(`CASE WHEN theme.slug = '${OTHER_THEME_SLUG}' THEN 1 ELSE 0 END`, 'ASC')
      .addOrderBy('lower(theme.name)', 'ASC')
      .addOrderBy('theme.id', 'ASC');
  }
}
