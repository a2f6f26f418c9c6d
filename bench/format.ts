/** Number formats of bench/results.md. */
export const ms = (v: number | null | undefined) =>
  v === undefined || v === null || Number.isNaN(v) ? '–' : v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`;
export const kb = (bytes: number | undefined) => (bytes === undefined ? '–' : `${(bytes / 1024).toFixed(1)} KB`);
export const num = (v: number | undefined, digits = 0) =>
  v === undefined || Number.isNaN(v) ? '–' : v.toLocaleString('en', { maximumFractionDigits: digits });
export const mark = (ok: boolean | undefined) => (ok === undefined ? '⚪' : ok ? '🟢' : '🔴');
export const seconds = (msValue: number | undefined) =>
  msValue === undefined ? '–' : `${(msValue / 1000).toFixed(1)} s`;
export const seconds2 = (msValue: number | undefined) =>
  msValue === undefined || Number.isNaN(msValue) ? '–' : `${(msValue / 1000).toFixed(2)} s`;
