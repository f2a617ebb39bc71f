import { OFFICE } from '../../libs/notifications/src/test-support/notification-fixtures';

/**
 * The test office as OFFICE_* settings, for every test app (api and worker), so that what a
 * delivered email or a page's footer shows can be checked against the fixture the message specs use.
 */
export const TEST_OFFICE_ENV = {
  OFFICE_NAME: OFFICE.name,
  OFFICE_ADDRESS: OFFICE.address,
  OFFICE_PHONE: OFFICE.phone,
  OFFICE_EMAIL: OFFICE.email,
  OFFICE_HOURS: OFFICE.hours,
};
