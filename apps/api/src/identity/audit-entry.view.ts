import type { AuditEntry } from '@roundtable/identity';

/** An audit entry as admins see it: ids, the action, and its detail (ids and counts only). */
export type AuditEntryView = Pick<
  AuditEntry,
  'id' | 'at' | 'actorId' | 'action' | 'subjectType' | 'subjectId' | 'detail' | 'requestId'
>;

export function toAuditEntryView(entry: AuditEntry): AuditEntryView {
  const { id, at, actorId, action, subjectType, subjectId, detail, requestId } = entry;
  return { id, at, actorId, action, subjectType, subjectId, detail, requestId };
}
