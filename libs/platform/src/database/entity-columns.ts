import type { EntityMetadata } from 'typeorm';

const lists = new WeakMap<EntityMetadata, Map<string, string>>();

/**
 * Every stored column of an entity, named as its property (`"starts_at" AS "startsAt"`), for the
 * hot paths that read rows with plain SQL and assign them to the entity without TypeORM's
 * hydration. Built once per entity's metadata, from that metadata, so it cannot drift from it.
 *
 * With a `prefix` each name starts with it (`"starts_at" AS "event.startsAt"`): for one row that
 * joins two entities whose columns share names (both have an `id`); entityFromRow takes them apart.
 */
export function entityColumnsSql(metadata: EntityMetadata, prefix = ''): string {
  let byPrefix = lists.get(metadata);
  if (byPrefix === undefined) {
    byPrefix = new Map();
    lists.set(metadata, byPrefix);
  }
  let list = byPrefix.get(prefix);
  if (list === undefined) {
    list = metadata.columns
      .filter((column) => !column.isVirtual)
      .map((column) => `"${column.databaseName}" AS "${prefix}${column.propertyName}"`)
      .join(', ');
    byPrefix.set(prefix, list);
  }
  return list;
}

/**
 * The entity a row read with entityColumnsSql(metadata, prefix) holds, or null when its primary
 * column is null (the empty side of an outer join). The driver has already typed each value as
 * TypeORM would (uuid and text as strings, bigint as a string, timestamptz as a Date, arrays as
 * arrays), so there is nothing to hydrate.
 */
export function entityFromRow<T extends object>(
  metadata: EntityMetadata,
  row: Record<string, unknown>,
  prefix = '',
): T | null {
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    if (column.isVirtual) continue;
    const value = row[`${prefix}${column.propertyName}`];
    if (column.isPrimary && (value === null || value === undefined)) return null;
    (entity as Record<string, unknown>)[column.propertyName] = value;
  }
  return entity;
}
