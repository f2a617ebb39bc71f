import { CHARITY_NUMBER_FORMATS, parseCharityNumber } from './charity-number';

describe('parseCharityNumber', () => {
  it.each([
    ['1123456', '1123456', 'england-wales'],
    ['212345', '212345', 'england-wales'],
    ['1123456-1', '1123456-1', 'england-wales'],
    ['SC040268', 'SC040268', 'scotland'],
    ['sc 040268', 'SC040268', 'scotland'],
    ['NIC100002', 'NIC100002', 'northern-ireland'],
    [' nic100002 ', 'NIC100002', 'northern-ireland'],
  ])('reads %p as %p of the %s register', (raw, number, register) => {
    expect(parseCharityNumber(raw)).toEqual({ number, register });
  });

  it.each([
    ['12345', 'five digits: too short for England and Wales'],
    ['12345678', 'eight digits'],
    ['SC12345', 'Scotland without the 0 after SC'],
    ['SC0402681', 'Scotland with six digits after SC0'],
    ['NIC12345', 'Northern Ireland with five digits'],
    ['NI100002', 'Northern Ireland without the C'],
    ['1123456-', 'a linked charity without its number'],
    ['1123456-123', 'a linked charity number of three digits'],
    ['', 'nothing'],
    ['charity', 'words'],
  ])('refuses %p (%s)', (raw) => {
    expect(parseCharityNumber(raw)).toBeNull();
  });

  it('says what each register looks like, with an example of each', () => {
    for (const example of ['1123456-1', 'SC040268', 'NIC100002'])
      expect(CHARITY_NUMBER_FORMATS).toContain(example);
  });
});
