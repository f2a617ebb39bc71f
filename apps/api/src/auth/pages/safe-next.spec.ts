import { safeNext } from './sign-in-pages.controller';

describe('safeNext', () => {
  it.each(['/staff', '/staff/events', '/staff/events?status=draft', '/staff/events/3f2b/edit'])(
    'keeps %s',
    (next) => {
      expect(safeNext(next)).toBe(next);
    },
  );

  it.each([
    '',
    '/',
    '/events',
    '/staffroom',
    'https://evil.example/staff',
    '//evil.example',
    '/staff/\r\nSet-Cookie: x',
    'staff/events',
  ])('ignores %j', (next) => {
    expect(safeNext(next)).toBeUndefined();
  });
});
