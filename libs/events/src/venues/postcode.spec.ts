import { normalisePostcode } from './postcode';

describe('normalisePostcode', () => {
  it.each([
    ['B63 3AB', 'B63 3AB'],
    ['b633ab', 'B63 3AB'],
    ['  b63   3ab ', 'B63 3AB'],
    ['dy9 8ab', 'DY9 8AB'],
    ['WV1 1AA', 'WV1 1AA'],
    ['M1 1AE', 'M1 1AE'],
    ['sw1a1aa', 'SW1A 1AA'],
    ['EC1A 1BB', 'EC1A 1BB'],
    ['gir0aa', 'GIR 0AA'],
  ])('%j becomes %j', (input, expected) => {
    expect(normalisePostcode(input)).toBe(expected);
  });

  it.each(['', '   ', 'B63', '12345', 'B63 3A', 'B63 3ABC', 'not a postcode', 'B63-3AB', '1B6 3AB'])(
    '%j is not a UK postcode',
    (input) => {
      expect(normalisePostcode(input)).toBeNull();
    },
  );
});
