export {
  ACCESS_FEATURES,
  ACCESS_FEATURE_VALUES,
  accessFeatureLabel,
  type AccessFeature,
} from './access-features';
export { AREAS, AREA_VALUES, areaLabel, type Area } from './areas';
export {
  buildEventCalendar,
  buildEventsFeed,
  eventFeedUid,
  type EventsFeedOptions,
} from './calendar/event-calendar';
export { calendarParameter, calendarRawText, calendarText } from './calendar/calendar-text';
export {
  CancelEventDto,
  CreateEventDto,
  EVENT_DESCRIPTION_MAX,
  EVENT_TITLE_MAX,
  ListEventsQueryDto,
  ListPublicEventsQueryDto,
  UpdateEventDto,
} from './dto/event.dto';
export { CreateVenueDto, ListVenuesQueryDto, UpdateVenueDto } from './dto/venue.dto';
export {
  EVENT_KINDS,
  EVENT_KIND_VALUES,
  EVENT_STATUSES,
  eventFormat,
  eventKindLabel,
  type EventFormat,
  type EventKind,
  type EventStatus,
} from './event-kinds';
// Every refusal is public: the API filter and the pages map each one, so the list is errors.ts itself.
export * from './errors';
export { EventEntity } from './events/event.entity';
export {
  lockForChange,
  lockForPromotion,
  readForBooking,
  releasePlace,
  shareForInviting,
  shareForPlanning,
  shareForPlanningSql,
  takePlace,
  takePlaceSql,
  takePlaces,
  takePlacesForParties,
  type EventForBooking,
} from './events/event-locks';
export { toEventView, toPublicEventView, type EventView, type PublicEventView } from './events/event.view';
export {
  EventsService,
  type EventChange,
  type EventTransition,
  type EventTransitionHook,
} from './events/events.service';
export { EventsModule } from './events.module';
export {
  DEFAULT_REMINDER_OFFSETS,
  rangesOverlap,
  resolveCapacity,
  scheduleProblems,
  reminderOffsetProblems,
} from './scheduling-rules';
export { Venue } from './venues/venue.entity';
export { normalisePostcode } from './venues/postcode';
export { toVenueView, type VenueView } from './venues/venue.view';
export { VenuesService } from './venues/venues.service';
export { IsIsoTimeWithOffset } from './dto/validators';
