import type { User } from './user.entity';

/** What the API says about a user: never the password hash. */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: User['role'];
  partnerId: string | null;
  /** When it was deactivated (it can no longer sign in), or null. */
  deactivatedAt: string | null;
  /** When they last signed in, or null (never, or not since sign-ins were recorded). */
  lastSignedInAt: string | null;
  createdAt: string;
}

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    partnerId: user.partnerId,
    deactivatedAt: user.deactivatedAt?.toISOString() ?? null,
    lastSignedInAt: user.lastSignedInAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}
