/** Staff roles sign in to run events; `partner` users belong to a partner organisation. */
export const ROLES = ['admin', 'organiser', 'partner'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES: readonly Role[] = ['admin', 'organiser'];
