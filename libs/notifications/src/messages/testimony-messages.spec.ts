import { toMailOptions } from '../mail/mail-options';
import { composeAndParse, OFFICE } from '../test-support/notification-fixtures';
import type { Message } from './message';
import { safeguardingAlertMessage } from './safeguarding-alert.message';
import { testimonyReceiptMessage } from './testimony-receipt.message';

const RECEIPT_URL =
  'https://roundtable.example/testimony/receipt/rtr_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const TESTIMONY_ID = '0b7d2a56-1c3e-4f5a-9b8c-7d6e5f4a3b2c';
const STAFF_URL = `https://roundtable.example/staff/testimonies/${TESTIMONY_ID}`;

async function parsed(message: Message) {
  return (await composeAndParse(toMailOptions(message, { from: OFFICE.email, to: 'someone@example.org' })))
    .parsed;
}

describe('testimonyReceiptMessage, composed by nodemailer and read back by mailparser', () => {
  const campaign = {
    title: 'SEND consultation',
    evidenceUse: 'The MP sends the report to Dudley Council and the Department for Education.',
  };

  it('thanks them and gives the private link, in both parts, with link text that stands alone', async () => {
    const mail = await parsed(testimonyReceiptMessage({ office: OFFICE, receiptUrl: RECEIPT_URL, campaign }));
    expect(mail.subject).toBe('Thank you for telling us your experience');
    expect(mail.text).toContain(`See, change or delete your response:\n${RECEIPT_URL}`);
    expect(mail.html).toContain(`href="${RECEIPT_URL}"`);
    expect(mail.text).toContain('for SEND consultation');
  });

  it('says what happens to the evidence when the campaign says so, and leaves it out when standalone', async () => {
    const withCampaign = await parsed(
      testimonyReceiptMessage({ office: OFFICE, receiptUrl: RECEIPT_URL, campaign }),
    );
    expect(withCampaign.text).toContain('What happens to the evidence');
    expect(withCampaign.text).toContain(campaign.evidenceUse);
    const standalone = await parsed(
      testimonyReceiptMessage({ office: OFFICE, receiptUrl: RECEIPT_URL, campaign: null }),
    );
    expect(standalone.text).not.toContain('What happens to the evidence');
    expect(standalone.text).toContain('What happens next');
  });
});

describe('safeguardingAlertMessage, composed by nodemailer and read back by mailparser', () => {
  it('names the testimony by id and links to its staff page', async () => {
    const mail = await parsed(
      safeguardingAlertMessage({
        office: OFFICE,
        testimonyId: TESTIMONY_ID,
        flag: 'suggested',
        staffTestimonyUrl: STAFF_URL,
      }),
    );
    expect(mail.subject).toBe('Safeguarding: a testimony was flagged (suggested by the screen)');
    expect(mail.text).toContain(`Testimony ${TESTIMONY_ID}`);
    expect(mail.text).toContain(`Read the testimony on the staff page:\n${STAFF_URL}`);
    expect(mail.html).toContain(`href="${STAFF_URL}"`);
    expect(mail.text).toMatch(/keyword screen suggested/);
  });

  it('says when staff raised it', async () => {
    const mail = await parsed(
      safeguardingAlertMessage({
        office: OFFICE,
        testimonyId: TESTIMONY_ID,
        flag: 'raised',
        staffTestimonyUrl: STAFF_URL,
      }),
    );
    expect(mail.subject).toBe('Safeguarding: a testimony was flagged (raised by staff)');
    expect(mail.text).toContain('A member of staff raised a safeguarding flag');
  });
});
