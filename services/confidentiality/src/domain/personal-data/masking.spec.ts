import { maskEmail, maskIdNumber, maskName, maskPhone, masked, revealed } from './masking';
import type { PersonalData } from './personal-data';

const wangFang: PersonalData = {
  name: '王芳',
  phone: '13812345678',
  idNumber: '11010519491231002X',
  email: 'wang.fang@example.com',
  address: { province: '上海市', city: '上海市', district: '浦东新区', detail: '张江路 88 弄 6 号 1202 室' },
};

describe('masking', () => {
  it('shows the first 3 and last 4 digits of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('shows the region code and the last 4 characters of an ID number, hiding the birth date', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it.each([
    ['王芳', '王*'],
    ['欧阳娜娜', '欧*'],
    ['Li Wei', 'L*'],
    ['𠮷田', '𠮷*'],
  ])('shows the first character of a name and one star, whatever its length: %s', (name, expected) => {
    expect(maskName(name)).toBe(expected);
  });

  it('shows the first character of an email address and its domain', () => {
    expect(maskEmail('wang.fang@example.com')).toBe('w***@example.com');
  });

  it('masks every category, keeping the address down to its district', () => {
    expect(masked(wangFang)).toEqual({
      name: '王*',
      phone: '138****5678',
      idNumber: '110105********002X',
      email: 'w***@example.com',
      address: { province: '上海市', city: '上海市', district: '浦东新区', detail: '****' },
    });
  });

  it('leaves categories the subject does not have empty', () => {
    expect(masked({ name: '王芳', phone: '13812345678', idNumber: null, email: null, address: null })).toEqual({
      name: '王*',
      phone: '138****5678',
      idNumber: null,
      email: null,
      address: null,
    });
  });

  it('reveals only the categories asked for', () => {
    expect(revealed(wangFang, ['phone', 'address'])).toEqual({
      ...masked(wangFang),
      phone: '13812345678',
      address: wangFang.address,
    });
  });
});
