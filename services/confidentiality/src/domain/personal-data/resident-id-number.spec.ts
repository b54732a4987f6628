import { normaliseResidentIdNumber, residentIdCheckCharacter } from './resident-id-number';

describe('PRC resident ID numbers', () => {
  it('computes the ISO 7064 MOD 11-2 check character of the standard’s example', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
  });

  it.each([
    ['11010519491231002X', '11010519491231002X'],
    ['11010519491231002x', '11010519491231002X'],
    [' 310115199003074237 ', '310115199003074237'],
    ['510107197806150027', '510107197806150027'],
  ])('accepts %s as %s', (input, expected) => {
    expect(normaliseResidentIdNumber(input)).toBe(expected);
  });

  it.each([
    ['a wrong check digit', '310115199003074238'],
    ['X where a digit is due', '31011519900307423X'],
    ['a digit where X is due', '110105194912310021'],
    ['17 characters', '31011519900307423'],
    ['19 characters', '3101151990030742371'],
    ['a region code starting 0', '010115199003074236'],
    ['30 February as birth date', '31011519900230423X'],
    ['a birth year before 1900', '310115189003074238'],
    ['letters', '31011519900307ABCD'],
  ])('refuses %s', (_label, input) => {
    expect(normaliseResidentIdNumber(input)).toBeNull();
  });
});
