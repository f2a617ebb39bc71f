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
});
