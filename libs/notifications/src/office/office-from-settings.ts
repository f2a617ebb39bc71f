import type { AppConfig, Env } from '@roundtable/platform';
import type { Office } from '../messages/message';

export type OfficeSettings = Pick<
  Env,
  'OFFICE_NAME' | 'OFFICE_ADDRESS' | 'OFFICE_PHONE' | 'OFFICE_EMAIL' | 'OFFICE_HOURS'
>;

/** The office as the OFFICE_* settings describe it, for messages (the worker) and pages (the api). */
export function officeFromSettings(settings: OfficeSettings): Office {
  return {
    name: settings.OFFICE_NAME,
    address: settings.OFFICE_ADDRESS,
    phone: settings.OFFICE_PHONE,
    email: settings.OFFICE_EMAIL,
    ...(settings.OFFICE_HOURS && { hours: settings.OFFICE_HOURS }),
  };
}

/** The office from the validated configuration. */
export function officeFromConfig(config: AppConfig): Office {
  return officeFromSettings({
    OFFICE_NAME: config.get('OFFICE_NAME'),
    OFFICE_ADDRESS: config.get('OFFICE_ADDRESS'),
    OFFICE_PHONE: config.get('OFFICE_PHONE'),
    OFFICE_EMAIL: config.get('OFFICE_EMAIL'),
    OFFICE_HOURS: config.get('OFFICE_HOURS'),
  });
}

/** A tel: link that dials the number as written: "0121 496 0000" is tel:01214960000. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
