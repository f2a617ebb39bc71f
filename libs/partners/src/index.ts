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
export { CalendarFeedNotFound, EventNotCohosted, NotAPartnerUser } from './errors';
export { CALENDAR_FEED_TOKEN, PartnerCalendarFeeds } from './portal/partner-calendar-feeds.service';
export { PartnerContacts, type PartnerActor, type PartnerContact } from './portal/partner-contacts.service';
export {
  COUNTED_STATUSES,
  PartnerEvents,
  type CountedStatus,
  type PartnerEventSummary,
} from './portal/partner-events.service';
export { PartnerInvitations } from './portal/partner-invitations.service';
