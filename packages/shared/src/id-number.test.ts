import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, isValidIdNumber, maskIdNumber, normalizeIdNumber, parseIdNumber } from './id-number';

/** Builds a valid ID number from its parts. */
function makeId(region: string, birth: string, sequence: number): string {
  const first17 = `${region}${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

const regions = ['110101', '430104', '522701', '650102', '810000'];
const birthDates = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const validIds = fc
  .record({ region: fc.constantFrom(...regions), birth: birthDates, seq: fc.integer({ min: 0, max: 999 }) })
  .map(({ region, birth, seq }) => ({ id: makeId(region, birth, seq), birth, seq }));

describe('parseIdNumber', () => {
  it('accepts the published example and extracts birth date and sex', () => {
    // The example number from GB 11643-1999.
    expect(parseIdNumber('11010519491231002X')).toEqual({
      valid: true,
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      regionCode: '110105',
    });
    expect(parseIdNumber('11010519491231002x').valid).toBe(true);
  });

  it('names the problem', () => {
    expect(parseIdNumber('1101051949123100')).toEqual({ valid: false, problem: 'format' });
    expect(parseIdNumber('99010519491231002X')).toEqual({ valid: false, problem: 'region' });
    expect(parseIdNumber(makeId('110105', '2019-02-29', 1))).toEqual({ valid: false, problem: 'birth_date' });
    expect(parseIdNumber(makeId('110105', '2030-01-01', 1), '2026-01-01')).toEqual({
      valid: false,
      problem: 'birth_date',
    });
    expect(parseIdNumber('110105194912310021')).toEqual({ valid: false, problem: 'checksum' });
  });

  it('round-trips birth date and sex for every generated number (property)', () => {
    fc.assert(
      fc.property(validIds, ({ id, birth, seq }) => {
        const info = parseIdNumber(id, '2030-01-01');
        expect(info.valid).toBe(true);
        if (info.valid) {
          expect(info.birthDate).toBe(birth);
          expect(info.sex).toBe(seq % 2 === 1 ? 'male' : 'female');
        }
      }),
    );
  });

  it('detects every single-character substitution (property)', () => {
    fc.assert(
      fc.property(validIds, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), ({ id }, pos, shift) => {
        const alphabet = '0123456789X';
        const current = alphabet.indexOf(id[pos]!);
        const replacement = alphabet[(current + shift) % 11]!;
        fc.pre(pos === 17 || replacement !== 'X');
        const changed = id.slice(0, pos) + replacement + id.slice(pos + 1);
        expect(isValidIdNumber(changed, '2030-01-01')).toBe(false);
      }),
    );
  });

  it('detects swapped neighbouring digits (property)', () => {
    fc.assert(
      fc.property(validIds, fc.integer({ min: 0, max: 16 }), ({ id }, pos) => {
        fc.pre(id[pos] !== id[pos + 1] && id[pos + 1] !== 'X');
        const swapped = id.slice(0, pos) + id[pos + 1] + id[pos] + id.slice(pos + 2);
        expect(isValidIdNumber(swapped, '2030-01-01')).toBe(false);
      }),
    );
  });
});

describe('normalizeIdNumber and maskIdNumber', () => {
  it('normalizes spaces, full-width digits and a small x', () => {
    expect(normalizeIdNumber(' 1101 0519 4912 3100 2x ')).toBe('11010519491231002X');
    expect(normalizeIdNumber('１１０１０５１９４９１２３１００２Ｘ')).toBe('11010519491231002X');
  });
  it('keeps the first 3 and last 4 characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
    fc.assert(
      fc.property(validIds, ({ id }) => {
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(18);
        expect(masked.slice(3, 14)).toBe('*'.repeat(11));
        expect(masked.slice(14)).toBe(id.slice(14));
      }),
    );
  });
});
