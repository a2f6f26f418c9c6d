import { gradeLabel, type Label, normalizeIdNumber, normalizePhone, parseIdNumber, phoneKind } from '@shouwang/shared';
import type { CellKind } from './children-sheet.types';
import { codeOf, labelsOf } from './children-sheet-codes';

/** A cell as the import sees it, whatever exceljs made of it. */
export type CellInput =
  | { kind: 'empty' }
  | { kind: 'formula' }
  | { kind: 'error'; value: string }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; iso: string }
  | { kind: 'bool'; value: boolean };

export type CellResult = { value: unknown } | { problem: string; params?: Record<string, string> } | { skip: true };

const isoOfDate = (d: Date) => (Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10));

export function normalizeCell(value: unknown): CellInput {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'string') return value.trim() ? { kind: 'text', text: value.trim() } : { kind: 'empty' };
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'empty' };
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (value instanceof Date) {
    const iso = isoOfDate(value);
    return iso ? { kind: 'date', iso } : { kind: 'error', value: 'date' };
  }
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) return { kind: 'formula' };
    if ('error' in v) return { kind: 'error', value: String(v.error) };
    if (Array.isArray(v.richText))
      return normalizeCell((v.richText as { text?: string }[]).map((r) => r.text ?? '').join(''));
    if ('text' in v) return normalizeCell(v.text);
  }
  return { kind: 'empty' };
}

/** Characters that make a spreadsheet treat text as a formula (OWASP CSV/formula injection). */
const formulaStart = /^[=+\-@\t\r]/;

/** For export: text that a spreadsheet could run gets a leading apostrophe and stays plain text. */
export const neutralise = (text: string) => (formulaStart.test(text) ? `'${text}` : text);

const splitList = (text: string) =>
  text
    .split(/[、,，;；/|]+/)
    .map((s) => s.trim())
    .filter(Boolean);

const pad = (n: string) => n.padStart(2, '0');

/** `2016-06-15`, `2016/6/15`, `2016.6.15`, `20160615`, `2016年6月15日` → ISO, when a real date. */
export function parseDateText(text: string): string | null {
  const m =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.replace(/\s+/g, '')) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return isoOfDate(d) === iso ? iso : null;
}

/** An Excel date serial (days since 1899-12-30) → ISO. */
const serialToIso = (serial: number) =>
  serial > 0 && serial < 2_958_466 ? isoOfDate(new Date(Math.round((serial - 25569) * 86_400_000))) : null;

const gradeNames = Array.from({ length: 13 }, (_, g) => gradeLabel(g));

function asText(cell: CellInput): string | null {
  if (cell.kind === 'text') return cell.text;
  if (cell.kind === 'number') return String(cell.value);
  if (cell.kind === 'date') return cell.iso;
  if (cell.kind === 'bool') return cell.value ? '是' : '否';
  return null;
}

function optionsOf(labels: Record<string, Label>) {
  const all = labelsOf(labels);
  return all.length > 12 ? `${all.slice(0, 12).join('、')}…` : all.join('、');
}

/** Reads one cell for a column of the given kind. */
export function readCell(kind: CellKind, cell: CellInput): CellResult {
  if (kind.type === 'exportOnly' || cell.kind === 'empty') return { skip: true };
  if (cell.kind === 'formula') return { problem: 'formula' };
  if (cell.kind === 'error') return { problem: 'cell_error', params: { value: cell.value } };
  switch (kind.type) {
    case 'date': {
      const iso =
        cell.kind === 'date'
          ? cell.iso
          : cell.kind === 'number'
            ? serialToIso(cell.value)
            : parseDateText(asText(cell)!);
      return iso ? { value: iso } : { problem: 'date_invalid', params: { value: asText(cell) ?? '' } };
    }
    case 'idNumber': {
      if (cell.kind === 'number') return { problem: 'id_number_as_number' };
      const text = normalizeIdNumber(asText(cell)!);
      if (text.includes('*')) return { skip: true };
      const info = parseIdNumber(text);
      return info.valid ? { value: info.idNumber } : { problem: `id_number_${info.problem}` };
    }
    case 'phone':
    case 'phones': {
      const parts = kind.type === 'phone' ? [asText(cell)!] : splitList(asText(cell)!);
      if (parts.some((p) => phoneKind(p) === null)) return { problem: 'phone_format' };
      const phones = [...new Set(parts.map(normalizePhone))];
      if (phones.length > 3) return { problem: 'too_long', params: { max: '3' } };
      return { value: kind.type === 'phone' ? phones[0] : phones };
    }
    case 'enum': {
      const text = asText(cell)!;
      const code = codeOf(kind.labels, kind.aliases, text) ?? kind.fallback;
      return code !== undefined
        ? { value: code }
        : { problem: 'enum_options', params: { value: text, options: optionsOf(kind.labels) } };
    }
    case 'multi': {
      const codes: string[] = [];
      for (const word of splitList(asText(cell)!)) {
        const code = codeOf(kind.labels, kind.aliases, word);
        if (code === undefined)
          return { problem: 'enum_options', params: { value: word, options: optionsOf(kind.labels) } };
        if (!codes.includes(code)) codes.push(code);
      }
      return { value: codes };
    }
    case 'bool': {
      if (cell.kind === 'bool') return { value: cell.value };
      const text = asText(cell)!.toLowerCase();
      if (['是', '有', 'y', 'yes', 'true', '1', '√'].includes(text)) return { value: true };
      if (['否', '无', 'n', 'no', 'false', '0', '×'].includes(text)) return { value: false };
      return { problem: 'bool_invalid' };
    }
    case 'int': {
      const n = cell.kind === 'number' ? cell.value : Number(asText(cell));
      return Number.isInteger(n) && n >= kind.min && n <= kind.max
        ? { value: n }
        : { problem: 'int_invalid', params: { min: String(kind.min), max: String(kind.max) } };
    }
    case 'grade': {
      const text = asText(cell)!;
      const n = /^\d{1,2}$/.test(text) ? Number(text) : gradeNames.indexOf(text);
      return n >= 0 && n <= 12 ? { value: n } : { problem: 'grade_invalid' };
    }
    case 'text':
    case 'longtext': {
      let text = asText(cell)!;
      if (kind.type === 'text') text = text.replace(/[\r\n]+/g, ' ');
      if (text === '-' || text === '—' || text === '/') return { skip: true };
      // A leading apostrophe is how an export neutralised such text; it is still refused here.
      if (formulaStart.test(text.replace(/^'/, ''))) return { problem: 'formula_text' };
      if ([...text].length > kind.max) return { problem: 'too_long', params: { max: String(kind.max) } };
      return { value: text };
    }
  }
  return { skip: true };
}

/** A value of the archive as the cell shows it (labels, 是/否, joined lists); strings neutralised. */
export function writeCell(kind: CellKind, value: unknown): string | number | Date | null {
  if (value === undefined || value === null || value === '') return null;
  switch (kind.type) {
    case 'date':
      return typeof value === 'string' ? new Date(`${value}T00:00:00Z`) : null;
    case 'enum':
      return neutralise(kind.labels[value as string]?.zh ?? String(value));
    case 'multi':
      return (value as string[]).map((code) => kind.labels[code]?.zh ?? code).join('、') || null;
    case 'phones':
      return (value as string[]).join('、') || null;
    case 'bool':
      return value ? '是' : '否';
    case 'int':
      return Number(value);
    case 'grade':
      return gradeLabel(Number(value));
    default:
      return typeof value === 'number' ? value : neutralise(String(value));
  }
}
