import { normaliseMobileNumber } from './phone-number';

describe('mainland China mobile numbers', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+86-138-1234-5678', '13812345678'],
    ['86 19912345678', '19912345678'],
    [' 150-0000-1111 ', '15000001111'],
  ])('normalises %s to 11 digits', (input, expected) => {
    expect(normaliseMobileNumber(input)).toBe(expected);
  });

  it.each([
    ['a landline', '021-12345678'],
    ['a second digit below 3', '12812345678'],
    ['10 digits', '1381234567'],
    ['12 digits', '138123456789'],
    ['letters', '138-ABCD-5678'],
    ['another country code', '+85 13812345678'],
    ['brackets', '(138) 1234 5678'],
    ['nothing', ''],
  ])('refuses %s', (_label, input) => {
    expect(normaliseMobileNumber(input)).toBeNull();
  });
});
