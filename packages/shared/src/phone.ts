/**
 * Chinese phone numbers: a mobile number (1[3-9] + 9 digits, optional +86) or a landline with
 * its area code (0 + 2–3 digits, a hyphen, 7–8 digits) and an optional extension (`-123`, `转123`).
 */

const mobile = /^1[3-9]\d{9}$/;
const landline = /^0\d{2,3}-\d{7,8}(?:-\d{1,6})?$/;

/** Removes spaces, turns full-width digits and dashes into ASCII, drops a +86/0086 country prefix. */
export function normalizePhone(input: string): string {
  let s = input
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\uFF0D\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, '')
    .replace(/(?:转|ext\.?|#)(\d+)$/i, '-$1');
  s = s.replace(/^(?:\+86|0086)-?/, '');
  // A landline written without its hyphen: split the area code off (3 digits for 010 and 02x, else 4).
  if (/^0\d{9,11}$/.test(s)) {
    const areaLength = /^0(?:10|2\d)/.test(s) ? 3 : 4;
    s = `${s.slice(0, areaLength)}-${s.slice(areaLength)}`;
  }
  return s;
}

export type PhoneKind = 'mobile' | 'landline';

/** The kind of a (normalized) phone number, or null when it is neither. */
export function phoneKind(input: string): PhoneKind | null {
  const s = normalizePhone(input);
  if (mobile.test(s)) return 'mobile';
  if (landline.test(s)) return 'landline';
  return null;
}

export const isValidPhone = (input: string) => phoneKind(input) !== null;
