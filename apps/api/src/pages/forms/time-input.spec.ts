import { parseTimeOfDay } from './time-input';

describe('parseTimeOfDay', () => {
  it.each([
    ['18:30', '18:30'],
    ['9:05', '09:05'],
    ['18.30', '18:30'],
    [' 00:00 ', '00:00'],
    ['6:30pm', '18:30'],
    ['10am', '10:00'],
    ['12pm', '12:00'],
    ['12am', '00:00'],
    ['6 PM', '18:00'],
  ])('reads %j as %s', (raw, time) => {
    expect(parseTimeOfDay(raw)).toBe(time);
  });

  it.each(['', '24:00', '18:60', '1830', '13pm', '0am', 'half six', '18:3'])('refuses %j', (raw) => {
    expect(parseTimeOfDay(raw)).toBeUndefined();
  });
});
