import { DKIM_HEADER_FIELD_NAMES } from './dkim-header-fields';
import { mailTransportOptions } from './mail-transport-options';

describe('mailTransportOptions', () => {
  it('pools connections to SMTP_URL and gives up on a silent server within a minute', () => {
    expect(mailTransportOptions('smtp://mail.example.org:587')).toMatchObject({
      url: 'smtp://mail.example.org:587',
      pool: true,
      socketTimeout: 60_000,
    });
    expect(mailTransportOptions('smtp://mail.example.org:587')).not.toHaveProperty('dkim');
  });

  it('signs with DKIM over the list that covers both one-click unsubscribe headers', () => {
    const key = { domainName: 'example.org', keySelector: 'mail', privateKey: 'PEM' };
    expect(mailTransportOptions('smtp://mail.example.org', key).dkim).toEqual({
      ...key,
      headerFieldNames: DKIM_HEADER_FIELD_NAMES,
    });
    expect(DKIM_HEADER_FIELD_NAMES).toContain('List-Unsubscribe-Post');
  });
});
