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
export { CohostsReader } from './cohosting/cohosts.reader';
export { CohostsService } from './cohosting/cohosts.service';
export { CohostRequestsService } from './cohosting/cohost-requests.service';
export { CohostRequestView, CohostView, EventCohostsView } from './cohosting/cohost.view';
export {
  AskToCohostDto,
  CohostPartnerDto,
  COHOST_MESSAGE_MAX,
  DECLINE_REASON_MAX,
  DeclineCohostRequestDto,
  ListCohostRequestsQueryDto,
} from './cohosting/dto/cohosting.dto';
// Every refusal is public: the API filter and the pages map each one.
export * from './errors';
export { CALENDAR_FEED_TOKEN, PartnerCalendarFeeds } from './portal/partner-calendar-feeds.service';
export { PartnerContacts, type PartnerActor, type PartnerContact } from './portal/partner-contacts.service';
export {
  COUNTED_STATUSES,
  PartnerEvents,
  type CountedStatus,
  type PartnerEventSummary,
} from './portal/partner-events.service';
export { PartnerInvitations } from './portal/partner-invitations.service';
