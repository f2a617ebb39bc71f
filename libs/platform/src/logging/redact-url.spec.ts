import { redactUrl } from './redact-url';

describe('redactUrl', () => {
  it('drops query strings, which can carry personal data', () => {
    expect(redactUrl('/api/v1/events?from=2026-01-01T00:00:00Z&email=someone@example.org')).toBe(
      '/api/v1/events',
    );
    expect(redactUrl('/sign-in?next=%2Fevents')).toBe('/sign-in');
  });

  it('replaces the secret in a private link with :token', () => {
    expect(redactUrl('/api/v1/public/registrations/rtr_secret123')).toBe(
      '/api/v1/public/registrations/:token',
    );
    expect(redactUrl('/api/v1/public/registrations/rtr_secret123?x=1')).toBe(
      '/api/v1/public/registrations/:token',
    );
    expect(redactUrl('/api/v1/public/testimonies/receipt-abc')).toBe('/api/v1/public/testimonies/:token');
    expect(redactUrl('/manage/abcdef')).toBe('/manage/:token');
    expect(redactUrl('/manage/rtm_abcdef/accept')).toBe('/manage/:token/accept');
    expect(redactUrl('/manage/rtm_abcdef/cancelled?outcome=freed')).toBe('/manage/:token/cancelled');
    expect(redactUrl('/public/receipts/abcdef/edit')).toBe('/public/receipts/:token/edit');
  });

  it('keeps the collection routes themselves, which carry no secret', () => {
    expect(redactUrl('/api/v1/public/events/3f2b9c1e-0000-4000-8000-000000000000/registrations')).toBe(
      '/api/v1/public/events/3f2b9c1e-0000-4000-8000-000000000000/registrations',
    );
    expect(redactUrl('/api/v1/public/testimonies/')).toBe('/api/v1/public/testimonies/');
  });

  it('leaves staff routes (ids, not secrets) as they are', () => {
    expect(redactUrl('/api/v1/events/3f2b9c1e-0000-4000-8000-000000000000/registrations')).toBe(
      '/api/v1/events/3f2b9c1e-0000-4000-8000-000000000000/registrations',
    );
    expect(redactUrl('/health')).toBe('/health');
    expect(redactUrl('/')).toBe('/');
  });

  describe('whatever the case or escaping (Express routes them all to the same page)', () => {
    const secret = 'AbC123_-xYz0987654321AbC123_-xYz0987654321q'; // 43 base64url characters
    const token = `rtm_${secret}`;
    const leaks = (logged: string) =>
      logged.toLowerCase().includes(secret.toLowerCase()) || logged.toLowerCase().includes('rtm_');

    it.each([
      ['upper case', `/MANAGE/${token.toUpperCase()}`],
      ['upper case route, token as sent', `/MANAGE/${token}`],
      ['mixed case', `/Manage/${token}/Accept`],
      ['upper case API route', `/API/V1/PUBLIC/REGISTRATIONS/${token}`],
      ['mixed case API route', `/Api/V1/Public/Registrations/${token}/Unsubscribe`],
      ['an escaped underscore', `/manage/rtm%5F${secret}`],
      ['an escaped route name', `/%6Danage/${token}`],
      [
        'every character escaped',
        `/manage/${[...token].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('')}`,
      ],
      ['an escaped slash', `/manage%2F${token}`],
      ['a doubled slash', `/manage//${token}`],
      ['a trailing slash', `/manage/${token}/`],
      ['an escaped query mark', `/manage/${token}%3Fx=1`],
      ['a session token on any route', `/staff/rts_${secret}`],
      ['a future prefix', `/anything/rtp_${secret}/edit`],
      ['a bare 43-character secret', `/staff/events/${secret}`],
      ['a malformed escape beside it', `/MANAGE/${token}%zz`],
      ['a full URL in the request line', `http://localhost:3000/MANAGE/${token}`],
    ])('drops the token given %s', (_, url) => {
      const logged = redactUrl(url);
      expect(leaks(logged)).toBe(false);
      expect(logged).toContain(':token');
    });

    it('keeps the route shape as it was sent', () => {
      expect(redactUrl(`/MANAGE/${token}/ACCEPT?x=1`)).toBe('/MANAGE/:token/ACCEPT');
      expect(redactUrl(`/Api/V1/Public/Registrations/${token}`)).toBe('/Api/V1/Public/Registrations/:token');
    });

    it('does not mistake ordinary words for secrets', () => {
      expect(redactUrl('/staff/reports_by_theme/parts_list')).toBe('/staff/reports_by_theme/parts_list');
      expect(redactUrl('/assets/govuk-frontend-5.7.1.min.css')).toBe('/assets/govuk-frontend-5.7.1.min.css');
    });
  });
});
