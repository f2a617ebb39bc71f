import { officeFromSettings, type Office } from '@roundtable/notifications';
import { officeSender } from './office-sender';

const office: Office = {
  name: 'Halesowen Constituency Office',
  email: 'office@example.org',
  phone: '0121 496 0000',
  address: '1 Example Street, Halesowen B63 0ZZ',
};

describe('officeSender', () => {
  it('sends from the office by name and address when MAIL_FROM is unset, with no separate Reply-To', () => {
    expect(officeSender(office)).toEqual({
      from: { name: 'Halesowen Constituency Office', address: 'office@example.org' },
    });
  });

  it("sends from MAIL_FROM's address in the office's name, and replies go to the office", () => {
    expect(officeSender(office, 'Roundtable <no-reply@mail.example.org>')).toEqual({
      from: { name: 'Halesowen Constituency Office', address: 'no-reply@mail.example.org' },
      replyTo: { name: 'Halesowen Constituency Office', address: 'office@example.org' },
    });
    expect(officeSender(office, 'no-reply@mail.example.org').from.name).toBe('Halesowen Constituency Office');
  });

  it('needs no Reply-To when MAIL_FROM is the office address, whatever its case', () => {
    expect(officeSender(office, 'Office@Example.org').replyTo).toBeUndefined();
  });

  it('refuses a MAIL_FROM with no address', () => {
    expect(() => officeSender(office, 'The Office')).toThrow(/MAIL_FROM/);
  });
});

describe('officeFromSettings', () => {
  it('reads the five settings, leaving out hours when unset', () => {
    const settings = {
      OFFICE_NAME: office.name,
      OFFICE_ADDRESS: office.address,
      OFFICE_PHONE: office.phone,
      OFFICE_EMAIL: office.email,
      OFFICE_HOURS: undefined,
    };
    expect(officeFromSettings(settings)).toEqual(office);
    expect(officeFromSettings({ ...settings, OFFICE_HOURS: 'Monday to Friday, 9am to 5pm' }).hours).toBe(
      'Monday to Friday, 9am to 5pm',
    );
  });
});
