import type { EntityMetadata } from 'typeorm';

const lists = new WeakMap<EntityMetadata, string>();

/**
 * Every stored column of an entity, named as its property (`"starts_at" AS "startsAt"`), for the
 * hot paths that read rows with plain SQL and assign them to the entity without TypeORM's
 * hydration. Built once per entity's metadata, from that metadata, so it cannot drift from it.
 */
export function entityColumnsSql(metadata: EntityMetadata): string {
  let list = lists.get(metadata);
  if (list === undefined) {
    list = metadata.columns
      .filter((column) => !column.isVirtual)
      .map((column) => `"${column.databaseName}" AS "${column.propertyName}"`)
      .join(', ');
    lists.set(metadata, list);
  }
  return list;
}
