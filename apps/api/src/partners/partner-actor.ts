import type { User } from '@roundtable/identity';
import { NotAPartnerUser, type PartnerActor } from '@roundtable/partners';

/** The signed-in partner user and its organisation; use only behind @Authenticated('partner'). */
export function partnerActor(user: User): PartnerActor {
  if (user.role !== 'partner' || !user.partnerId) throw new NotAPartnerUser(user.id);
  return { userId: user.id, partnerId: user.partnerId };
}
