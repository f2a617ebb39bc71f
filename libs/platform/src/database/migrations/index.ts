import { Initial1795571139758 } from './1795571139758-Initial';
import { RegistrationsAndNotifications1795575405703 } from './1795575405703-RegistrationsAndNotifications';
import { RegistrationCalendarRevision1795580782023 } from './1795580782023-RegistrationCalendarRevision';
import { InvitationSuppressions1795580856193 } from './1795580856193-InvitationSuppressions';
import { AccessTaskLateAlerts1795580899879 } from './1795580899879-AccessTaskLateAlerts';
import { DerivedManageLinks1795600000000 } from './1795600000000-DerivedManageLinks';
import { PublicRegistrationsByAddress1795610000000 } from './1795610000000-PublicRegistrationsByAddress';
import { NotificationSubjects1795700000000 } from './1795700000000-NotificationSubjects';
import { Themes1795800000000 } from './1795800000000-Themes';
import { Campaigns1795810000000 } from './1795810000000-Campaigns';
import { Testimonies1795900000000 } from './1795900000000-Testimonies';
import { TestimonyImports1795930000000 } from './1795930000000-TestimonyImports';
import { Partners1796000000000 } from './1796000000000-Partners';
import { SiteTexts1796050000000 } from './1796050000000-SiteTexts';
import { PublicReadsChanged1796150000000 } from './1796150000000-PublicReadsChanged';
import { PublicReadsChangedByRow1796160000000 } from './1796160000000-PublicReadsChangedByRow';
import { BookRegistration1796170000000 } from './1796170000000-BookRegistration';
import { StaffMadeRegistrations1796110000000 } from './1796110000000-StaffMadeRegistrations';
import { EventFormats1796100000000 } from './1796100000000-EventFormats';
import { UserLastSignIn1796120000000 } from './1796120000000-UserLastSignIn';

/** Every migration, oldest first. Listed here, not globbed, so bundlers and tests find them all. */
export const migrations = [
  Initial1795571139758,
  RegistrationsAndNotifications1795575405703,
  RegistrationCalendarRevision1795580782023,
  InvitationSuppressions1795580856193,
  AccessTaskLateAlerts1795580899879,
  DerivedManageLinks1795600000000,
  PublicRegistrationsByAddress1795610000000,
  NotificationSubjects1795700000000,
  Themes1795800000000,
  Campaigns1795810000000,
  Testimonies1795900000000,
  TestimonyImports1795930000000,
  Partners1796000000000,
  SiteTexts1796050000000,
  EventFormats1796100000000,
  StaffMadeRegistrations1796110000000,
  UserLastSignIn1796120000000,
  PublicReadsChanged1796150000000,
  PublicReadsChangedByRow1796160000000,
  BookRegistration1796170000000,
];
