import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidPhone, normalizePhone, phoneKind } from './phone';

describe('phone numbers', () => {
  it('accepts mobiles, with or without a country prefix', () => {
    expect(phoneKind('13812345678')).toBe('mobile');
    expect(phoneKind('+86 138 1234 5678')).toBe('mobile');
    expect(normalizePhone('+86 138 1234 5678')).toBe('13812345678');
    expect(phoneKind('19912345678')).toBe('mobile');
  });

  it('accepts landlines with area code and optional extension', () => {
    expect(phoneKind('010-12345678')).toBe('landline');
    expect(phoneKind('0731-8456789')).toBe('landline');
    expect(phoneKind('0731－84567890')).toBe('landline');
    expect(normalizePhone('0731-84567890转123')).toBe('0731-84567890-123');
    expect(phoneKind('0731-84567890-123')).toBe('landline');
    expect(normalizePhone('073184567890')).toBe('0731-84567890');
    expect(normalizePhone('01012345678')).toBe('010-12345678');
  });

  it('rejects what is neither', () => {
    for (const bad of ['12812345678', '1381234567', '138123456789', '84567890', '0731-123456', 'abc', '', '110'])
      expect(isValidPhone(bad), bad).toBe(false);
  });

  it('accepts every 1[3-9] mobile and nothing of another length (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^\d{9}$/), (second, rest) => {
        expect(isValidPhone(`1${second}${rest}`)).toBe(true);
        expect(isValidPhone(`1${second}${rest}0`)).toBe(false);
        expect(isValidPhone(`1${second}${rest.slice(1)}`)).toBe(false);
      }),
    );
  });
});
