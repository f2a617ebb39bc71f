import { toMailOptions } from '../mail/mail-options';
import { composeAndParse, OFFICE } from '../test-support/notification-fixtures';
import type { Message } from './message';
import {
  partnerApprovedMessage,
  partnerRegisteredMessage,
  partnerRejectedMessage,
  passwordLinkMessage,
  type PartnerFacts,
} from './partner-messages';

const LINK = 'https://roundtable.example/password/rtp_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const PARTNER: PartnerFacts = {
  id: '0b7d2a56-1c3e-4f5a-9b8c-7d6e5f4a3b2c',
  name: 'Halesowen Carers Together',
  contactName: 'Pat Okafor',
  charityNumber: 'SC040268',
  areas: ['Halesowen North', 'Dudley'],
  rejectionReason: null,
};
// 09:00 on a summer day in London (08:00 UTC).
const EXPIRES = new Date('2026-07-03T08:00:00Z');

async function parsed(message: Message) {
  return (await composeAndParse(toMailOptions(message, { from: OFFICE.email, to: 'someone@example.org' })))
    .parsed;
}

describe('partner messages, composed by nodemailer and read back by mailparser', () => {
  it('tells staff who registered and links to the staff page, without the contact', async () => {
    const url = `https://roundtable.example/staff/partners/${PARTNER.id}`;
    const mail = await parsed(
      partnerRegisteredMessage({ office: OFFICE, partner: PARTNER, staffPartnerUrl: url }),
    );
    expect(mail.subject).toBe('A partner organisation registered: Halesowen Carers Together');
    expect(mail.text).toContain('Charity number: SC040268');
    expect(mail.text).toContain('Areas: Halesowen North, Dudley');
    expect(mail.html).toContain(`href="${url}"`);
    expect(mail.text).not.toContain('Pat Okafor');
  });

  it('gives the approved contact their single-use link and when it stops working', async () => {
    const mail = await parsed(
      partnerApprovedMessage({
        office: OFFICE,
        partner: PARTNER,
        setPasswordUrl: LINK,
        expiresAt: EXPIRES,
        signInUrl: 'https://roundtable.example/sign-in',
      }),
    );
    expect(mail.text).toContain('Hello Pat Okafor,');
    expect(mail.text).toContain(`Set your password:\n${LINK}`);
    expect(mail.text).toContain('until 9am on Friday 3 July 2026');
  });

  it('gives a rejected contact the reason as staff wrote it', async () => {
    const reason = 'We work only with organisations in the constituency.';
    const mail = await parsed(
      partnerRejectedMessage({ office: OFFICE, partner: { ...PARTNER, rejectionReason: reason } }),
    );
    expect(mail.text).toContain(reason);
    expect(mail.text).toContain('has not approved Halesowen Carers Together');
  });

  it('welcomes a new partner user with their link, naming their organisation', async () => {
    const mail = await parsed(
      passwordLinkMessage({
        office: OFFICE,
        recipientName: 'Sam Member',
        partnerName: PARTNER.name,
        purpose: 'welcome',
        setPasswordUrl: LINK,
        expiresAt: EXPIRES,
        signInUrl: 'https://roundtable.example/sign-in',
      }),
    );
    expect(mail.subject).toContain('Your Roundtable account');
    expect(mail.text).toContain('for Halesowen Carers Together');
    expect(mail.html).toContain(`href="${LINK}"`);
  });
});
