import { areaLabel } from '@roundtable/events';
import { toUserView, type User, type UserView } from '@roundtable/identity';
import type { Partner, PartnerStatus } from './partner.entity';

/** What staff see of a partner organisation. */
export interface PartnerView {
  id: string;
  name: string;
  charityNumber: string | null;
  charityRegister: string | null;
  contactName: string;
  contactEmail: string;
  description: string;
  areas: string[];
  areaLabels: string[];
  status: PartnerStatus;
  rejectionReason: string | null;
  decidedById: string | null;
  decidedAt: string | null;
  createdAt: string;
}

/** One organisation with its users (active and deactivated). */
export interface PartnerDetailView extends PartnerView {
  users: UserView[];
}

export function toPartnerView(partner: Partner): PartnerView {
  return {
    id: partner.id,
    name: partner.name,
    charityNumber: partner.charityNumber,
    charityRegister: partner.charityRegister,
    contactName: partner.contactName,
    contactEmail: partner.contactEmail,
    description: partner.description,
    areas: partner.areas,
    areaLabels: partner.areas.map(areaLabel),
    status: partner.status,
    rejectionReason: partner.rejectionReason,
    decidedById: partner.decidedById,
    decidedAt: partner.decidedAt?.toISOString() ?? null,
    createdAt: partner.createdAt.toISOString(),
  };
}

export function toPartnerDetailView(partner: Partner, users: User[]): PartnerDetailView {
  return { ...toPartnerView(partner), users: users.map(toUserView) };
}
