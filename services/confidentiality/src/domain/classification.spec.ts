import { levelCovers, levelOf } from './classification';

describe('classification', () => {
  it.each([
    ['secret', 'confidential', true],
    ['confidential', 'confidential', true],
    ['internal', 'confidential', false],
    ['confidential', 'secret', false],
  ] as const)('clearance at %s covers %s: %s', (granted, needed, covers) => {
    expect(levelCovers(granted, needed)).toBe(covers);
  });

  it('classifies contact data confidential and the ID number secret', () => {
    expect(levelOf(['name', 'phone', 'email', 'address'])).toBe('confidential');
    expect(levelOf(['phone', 'idNumber'])).toBe('secret');
  });
});
