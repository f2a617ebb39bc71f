/** Everything the audit log records. A new kind of access to personal data adds its name here. */
export const AUDIT_ACTIONS = [
  'testimony.read',
  'testimony.list',
  'testimony.create',
  'testimony.update',
  'testimony.export',
  'testimony.import',
  'testimony.erase',
  'testimony.rekey',
  'casework.list',
  'casework.update',
  'partner.contacts.read',
  'partner.invite',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
