import { describe, expect, it } from 'vitest';
import { compareUnitNames, unitSortKey } from './unit-order';

describe('unit names in the order people expect', () => {
  it('grades by number, classes by number, schools by their ordinal', () => {
    const classes = ['二年级10班', '一年级2班', '六年级1班', '二年级2班', '三年级（1）班', '一年级10班', '十二班'];
    expect([...classes].sort(compareUnitNames)).toEqual([
      '一年级2班',
      '一年级10班',
      '二年级2班',
      '二年级10班',
      '三年级（1）班',
      '六年级1班',
      '十二班',
    ]);
    expect(['第三小学', '第十小学', '第一小学'].sort(compareUnitNames)).toEqual(['第一小学', '第三小学', '第十小学']);
  });

  it('reads the numerals of grades and class numbers', () => {
    expect(unitSortKey('二十一班')).toBe('21班');
    expect(unitSortKey('十班')).toBe('10班');
    expect(unitSortKey('初三')).toBe('初3');
    expect(unitSortKey('城关镇中心小学')).toBe('城关镇中心小学');
  });
});
