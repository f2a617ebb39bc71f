import { Injectable, Logger } from '@nestjs/common';
import { InvalidInput, isUniqueViolation, type Page } from '@roundtable/platform';
import { DataSource, EntityManager } from 'typeorm';
import {
  MergeIntoItself,
  MergeIntoRetiredTheme,
  MergeWouldChain,
  ThemeAlreadyRetired,
  ThemeNameTaken,
  ThemeNotFound,
  themeNameNeedsLetters,
  unknownTheme,
} from '../errors';
import type { CreateThemeDto, UpdateThemeDto } from './theme.dto';
import { slugFromName } from './theme-slug';
import { Theme } from './theme.entity';
import { ThemesRepository } from './themes.repository';

/**
 * Staff add, rename, retire and merge themes; nothing is deleted, so testimony tagged with a
 * theme always finds it, and a merged theme says where it went.
 */
@Injectable()
export class ThemesService {
  private readonly logger = new Logger(ThemesService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly themes: ThemesRepository,
  ) {}

  listActive(page: { limit: number; offset: number }): Promise<Page<Theme>> {
    return this.themes.listActive(page).then(([items, total]) => ({ items, total }));
  }

  listAll(page: { limit: number; offset: number }): Promise<Page<Theme>> {
    return this.themes.listAll(page).then(([items, total]) => ({ items, total }));
  }

  async get(id: string): Promise<Theme> {
    const theme = await this.themes.findById(id);
    if (!theme) throw new ThemeNotFound(id);
    return theme;
  }

  async create(input: CreateThemeDto): Promise<Theme> {
    const slug = slugFromName(input.name);
    if (!slug) throw new InvalidInput([themeNameNeedsLetters()]);
    const created = await this.uniquely(input.name, async (manager) => {
      const clash = await this.themes.findClash(manager, input.name, slug);
      if (clash) throw new ThemeNameTaken(clash);
      return this.themes.insert(manager, {
        slug,
        name: input.name,
        description: input.description || null,
        status: 'active',
        mergedIntoId: null,
      });
    });
    this.logger.log(`Theme ${created.id} added`);
    return this.get(created.id);
  }

  /** A rename keeps the id and the slug: the slug is where the theme came from. */
  async update(id: string, patch: UpdateThemeDto): Promise<Theme> {
    await this.uniquely(patch.name ?? '', async (manager) => {
      const [theme] = await this.themes.lockForChange(manager, [id]);
      if (!theme) throw new ThemeNotFound(id);
      if (patch.name !== undefined) {
        const clash = await this.themes.findClash(manager, patch.name, null, id);
        if (clash) throw new ThemeNameTaken(clash);
        theme.name = patch.name;
      }
      if (patch.description !== undefined) theme.description = patch.description || null;
      return this.themes.save(manager, theme);
    });
    return this.get(id);
  }

  /** Off the public form from now on; testimony already tagged with it keeps the tag. */
  async retire(id: string): Promise<Theme> {
    await this.dataSource.transaction(async (manager) => {
      const [theme] = await this.themes.lockForChange(manager, [id]);
      if (!theme) throw new ThemeNotFound(id);
      if (theme.status === 'retired') throw new ThemeAlreadyRetired(theme);
      theme.status = 'retired';
      await this.themes.save(manager, theme);
    });
    this.logger.log(`Theme ${id} retired`);
    return this.get(id);
  }

  /**
   * Folds one theme into another: the source is retired pointing at the target, which must be
   * active and a different theme. A merge is one step, never a chain.
   */
  async merge(id: string, intoId: string): Promise<Theme> {
    if (id === intoId) throw new MergeIntoItself();
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.themes.lockForChange(manager, [id, intoId]);
      const source = locked.find((theme) => theme.id === id);
      const into = locked.find((theme) => theme.id === intoId);
      if (!source) throw new ThemeNotFound(id);
      if (!into) throw new InvalidInput([unknownTheme('intoId', intoId)]);
      if (source.status === 'retired') throw new ThemeAlreadyRetired(source);
      if (into.status === 'retired') throw new MergeIntoRetiredTheme(into);
      const mergedIn = await this.themes.mergedInto(manager, id);
      if (mergedIn.length > 0) throw new MergeWouldChain(source, into, mergedIn);
      source.status = 'retired';
      source.mergedIntoId = into.id;
      await this.themes.save(manager, source);
    });
    this.logger.log(`Theme ${id} merged into ${intoId}`);
    return this.get(id);
  }

  /**
   * Runs a change that may take a name, in a transaction. Two requests taking the same name at
   * once both pass the check; the unique constraint refuses the second, which is told the same.
   */
  private async uniquely<T>(name: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const clash = await this.themes.findClash(this.dataSource.manager, name, slugFromName(name) || null);
      if (clash) throw new ThemeNameTaken(clash);
      throw error;
    }
  }
}
