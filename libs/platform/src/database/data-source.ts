import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { postgresOptions } from './typeorm-options';

/**
 * For the TypeORM CLI (`npm run migration:generate -- <path>`), which needs every entity: the apps
 * find them through their modules instead. Reads DATABASE_URL directly because the CLI runs
 * outside Nest and its config module.
 */
export default new DataSource({
  ...postgresOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/roundtable'),
  entities: [join(__dirname, '../../../*/src/**/*.entity.{js,ts}')],
});
