import { applyCorrection, categoriesOf, changesBetween, PersonalData } from './personal-data';

const stored: PersonalData = {
  name: '王芳',
  phone: '13812345678',
  idNumber: null,
  email: 'wang.fang@example.com',
  address: { province: '上海市', city: '上海市', district: '浦东新区', detail: '张江路 88 弄 6 号 1202 室' },
};

describe('personal data', () => {
  it('lists the categories a subject has, in the contract’s order', () => {
    expect(categoriesOf(stored)).toEqual(['name', 'phone', 'email', 'address']);
  });

  describe('a correction', () => {
    it('changes only the fields given', () => {
      expect(applyCorrection(stored, { phone: '13900001111' })).toEqual({ ...stored, phone: '13900001111' });
    });

    it('removes a field given as null', () => {
      expect(applyCorrection(stored, { email: null })).toEqual({ ...stored, email: null });
    });

    it('names the categories changed and removed', () => {
      const after = applyCorrection(stored, {
        phone: '13900001111',
        idNumber: '11010519491231002X',
        email: null,
        name: '王芳',
      });
      expect(changesBetween(stored, after)).toEqual({
        correctedFields: ['phone', 'idNumber'],
        removedFields: ['email'],
      });
    });

    it('sees a change in any part of the address', () => {
      const after = applyCorrection(stored, { address: { ...stored.address!, detail: '张江路 88 弄 6 号 1203 室' } });
      expect(changesBetween(stored, after)).toEqual({ correctedFields: ['address'], removedFields: [] });
    });

    it('finds nothing changed when the same values are given again', () => {
      expect(changesBetween(stored, applyCorrection(stored, { ...stored }))).toEqual({
        correctedFields: [],
        removedFields: [],
      });
    });
  });
});
