export { CHARITY_NUMBER_FORMATS, CHARITY_REGISTERS, parseCharityNumber } from './partners/charity-number';
export type { CharityNumber, CharityRegister } from './partners/charity-number';
export {
  CohostRequest,
  COHOST_REQUEST_STATUSES,
  type CohostRequestStatus,
} from './cohosting/cohost-request.entity';
export { EventCohost } from './cohosting/event-cohost.entity';
export { Partner, PARTNER_STATUSES, type PartnerStatus } from './partners/partner.entity';
export { PartnerCalendarFeed } from './portal/partner-calendar-feed.entity';
export { PartnerContactConsent } from './portal/partner-contact-consent.entity';
export { PartnersModule } from './partners.module';
export {
  CharityNumberInvalid,
  CharityNumberTaken,
  ContactEmailTaken,
  PartnerAlreadyDecided,
  PartnerNotApproved,
  PartnerNotFound,
} from './errors';
export { ListPartnersQueryDto } from './dto/list-partners-query.dto';
export { RegisterPartnerDto } from './dto/register-partner.dto';
export { RejectPartnerDto } from './dto/reject-partner.dto';
export { PartnerDecisions } from './partners/partner-decisions.service';
export { PartnerMessageFacts, type PartnerMessageFactsView } from './partners/partner-message-facts';
export { PartnerRegistration } from './partners/partner-registration.service';
export { PartnerUsers } from './partners/partner-users.service';
export {
  toPartnerDetailView,
  toPartnerView,
  type PartnerDetailView,
  type PartnerView,
} from './partners/partner.view';
export { PartnersDirectory } from './partners/partners-directory.service';
