import 'reflect-metadata';
import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { parseRosterCsv } from './roster-csv';
import { readRosterRows, ROSTER_MAX_ROWS } from './roster-rows';

const HEADER = 'person_id,name,department,region,segment,employed_from,employed_until';
const csv = (...lines: string[]) => Buffer.from([HEADER, ...lines].join('\r\n') + '\r\n', 'utf8');
const CSV = 'text/csv';

const wang = {
  personId: 'E0001',
  name: 'Wang Fang',
  department: 'Customer Service',
  region: 'east-china',
  segment: 'employee',
  employedFrom: '2019-03-01',
};

describe('reading a roster CSV', () => {
  it('reads people by the header’s columns, without names in their entries', () => {
    const rows = readRosterRows(
      csv(
        'E0001,Wang Fang,Customer Service,east-china,employee,2019-03-01,',
        'E0002,"Li, Wei","Property Services ""North""",north-china,management,2015-06-01,2021-05-31',
      ),
      CSV,
    );
    expect(rows).toEqual({
      rows: 2,
      rejections: [],
      people: [
        {
          row: 1,
          name: 'Wang Fang',
          entry: {
            personId: 'E0001',
            segment: 'employee',
            department: 'Customer Service',
            region: 'east-china',
            employedFrom: '2019-03-01',
            employedUntil: null,
          },
        },
        {
          row: 2,
          name: 'Li, Wei',
          entry: {
            personId: 'E0002',
            segment: 'management',
            department: 'Property Services "North"',
            region: 'north-china',
            employedFrom: '2015-06-01',
            employedUntil: '2021-05-31',
          },
        },
      ],
    });
  });

  it('takes Chinese names in UTF-8 with a byte-order mark, LF line ends and a quoted line break', () => {
    const text = `\uFEFF${HEADER}\nE0003,王芳,"客户服务部\n华东",east-china,employee,2020-01-06,\n`;
    const rows = readRosterRows(Buffer.from(text, 'utf8'), 'text/csv; charset=utf-8');
    expect(rows.people).toEqual([
      expect.objectContaining({
        row: 1,
        name: '王芳',
        entry: expect.objectContaining({ department: '客户服务部\n华东' }),
      }),
    ]);
  });

  it('refuses a wrong header, naming the one expected (400)', () => {
    const bytes = Buffer.from('id,name,dept\nE0001,Wang Fang,Customer Service\n');
    expect(() => parseRosterCsv(bytes, CSV)).toThrow(BadRequestException);
    expect(() => parseRosterCsv(bytes, CSV)).toThrow(`must be exactly "${HEADER}"; found "id,name,dept"`);
  });

  it('refuses an empty file as a wrong header', () => {
    expect(() => parseRosterCsv(Buffer.alloc(0), CSV)).toThrow(BadRequestException);
  });

  it('refuses bytes that are not UTF-8, naming the line (415)', () => {
    // "王芳" in GBK, as Excel on a Chinese Windows saves "CSV" by default.
    const gbk = Buffer.concat([
      csv(),
      Buffer.from('E0001,'),
      Buffer.from([0xcd, 0xf5, 0xb7, 0xbc]),
      Buffer.from(',x\r\n'),
    ]);
    expect(() => parseRosterCsv(gbk, CSV)).toThrow(UnsupportedMediaTypeException);
    expect(() => parseRosterCsv(gbk, CSV)).toThrow('not valid UTF-8 (first bad bytes on line 2)');
  });

  it('refuses a charset other than UTF-8 (415)', () => {
    expect(() => parseRosterCsv(csv(), 'text/csv; charset=GBK')).toThrow(UnsupportedMediaTypeException);
  });

  it('refuses a quoted cell that never ends (400)', () => {
    expect(() => parseRosterCsv(csv('E0001,"Wang Fang,Customer Service'), CSV)).toThrow(
      'quoted cell that never ends (from line 2)',
    );
  });

  it.each([
    [
      'an unknown segment',
      'E0001,Wang Fang,Customer Service,east-china,staff,2019-03-01,',
      'unknown_segment',
      'segment',
    ],
    ['a missing department', 'E0001,Wang Fang,,east-china,employee,2019-03-01,', 'missing_department', 'department'],
    ['a missing name', 'E0001,,Customer Service,east-china,employee,2019-03-01,', 'missing_name', 'name'],
    [
      'a name as person id',
      'Wang Fang,Wang Fang,Customer Service,east-china,employee,2019-03-01,',
      'invalid_person_id',
      'person_id',
    ],
    [
      'a region that is not a code',
      'E0001,Wang Fang,Customer Service,East China,employee,2019-03-01,',
      'invalid_region',
      'region',
    ],
    [
      'a date that does not exist',
      'E0001,Wang Fang,Customer Service,east-china,employee,2019-02-30,',
      'bad_date',
      'employed_from',
    ],
    [
      'a date in another format',
      'E0001,Wang Fang,Customer Service,east-china,employee,01/03/2019,',
      'bad_date',
      'employed_from',
    ],
    [
      'a bad end date',
      'E0001,Wang Fang,Customer Service,east-china,employee,2019-03-01,soon',
      'bad_date',
      'employed_until',
    ],
    [
      'an end before the start',
      'E0001,Wang Fang,Customer Service,east-china,employee,2019-03-01,2019-02-28',
      'bad_date',
      'employed_until',
    ],
    [
      'a missing start date',
      'E0001,Wang Fang,Customer Service,east-china,employee,,',
      'missing_employed_from',
      'employed_from',
    ],
    ['too few fields', 'E0001,Wang Fang,Customer Service', 'wrong_field_count', null],
    ['an empty row', '', 'empty_row', null],
  ])('refuses %s with its row number and reason, keeping the good rows', (_label, line, reason, field) => {
    const good = 'E0009,Zhao Lei,Sales,east-china,employee,2018-01-02,';
    const rows = readRosterRows(csv(good, line, good.replace('E0009', 'E0010')), CSV);
    expect(rows.rows).toBe(3);
    expect(rows.people.map((p) => p.row)).toEqual([1, 3]);
    expect(rows.rejections).toEqual([expect.objectContaining({ row: 2, reason, field })]);
  });

  it('refuses a person id seen in an earlier row, naming that row', () => {
    const line = 'E0001,Wang Fang,Customer Service,east-china,employee,2019-03-01,';
    const rows = readRosterRows(csv(line, 'E0002,Li Wei,Sales,east-china,employee,2019-03-01,', line), CSV);
    expect(rows.people.map((p) => p.entry.personId)).toEqual(['E0001', 'E0002']);
    expect(rows.rejections).toEqual([
      {
        row: 3,
        personId: 'E0001',
        reason: 'duplicated_person_id',
        field: 'person_id',
        detail: 'person_id E0001 is already in row 1',
      },
    ]);
  });
});

describe('reading a roster JSON array', () => {
  it('reads each element as a person', () => {
    const rows = readRosterRows(
      [wang, { ...wang, personId: 'E0002', employedUntil: '2021-05-31' }],
      'application/json',
    );
    expect(rows.people.map((p) => [p.row, p.entry.personId, p.entry.employedUntil])).toEqual([
      [1, 'E0001', null],
      [2, 'E0002', '2021-05-31'],
    ]);
  });

  it.each([
    ['an unknown field', { ...wang, salary: 12000 }, 'unknown_field', 'salary'],
    ['an unknown segment', { ...wang, segment: 'intern' }, 'unknown_segment', 'segment'],
    ['a missing department', { ...wang, department: undefined }, 'missing_department', 'department'],
    ['a blank department', { ...wang, department: '   ' }, 'missing_department', 'department'],
    ['a number as person id', { ...wang, personId: 1 }, 'invalid_person_id', 'personId'],
    ['an end before the start', { ...wang, employedUntil: '2018-12-31' }, 'bad_date', 'employedUntil'],
    ['not an object', 'E0001', 'not_an_object', null],
  ])('refuses %s with its row number and reason', (_label, row, reason, field) => {
    const rows = readRosterRows([{ ...wang, personId: 'E0009' }, row], 'application/json');
    expect(rows.people).toHaveLength(1);
    expect(rows.rejections).toEqual([expect.objectContaining({ row: 2, reason, field })]);
  });

  it('names the person of a refused row only by a person id, never by what was pasted in its place', () => {
    const rows = readRosterRows(
      [
        { ...wang, personId: 'Wang Fang' },
        { ...wang, region: 'East China' },
      ],
      'application/json',
    );
    expect(rows.rejections.map((r) => [r.reason, r.personId])).toEqual([
      ['invalid_person_id', null],
      ['invalid_region', 'E0001'],
    ]);
  });

  it('refuses a body that is not an array (400), or not JSON nor CSV (415)', () => {
    expect(() => readRosterRows({ people: [wang] }, 'application/json')).toThrow(BadRequestException);
    expect(() => readRosterRows(undefined, 'text/plain')).toThrow(UnsupportedMediaTypeException);
  });

  it(`refuses more than ${ROSTER_MAX_ROWS} people in one import (413)`, () => {
    expect(() => readRosterRows(new Array(ROSTER_MAX_ROWS + 1).fill(wang), 'application/json')).toThrow(
      PayloadTooLargeException,
    );
  });
});
