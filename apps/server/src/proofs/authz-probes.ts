import { execFileSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import JSZip from 'jszip';
import type { TestApp } from '../test/app';

/** What the authorization matrix reads back: the database's digest, and the text of any answer. */
const rowsOf = <T>(result: unknown) => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

/** Tables that change on a read (sessions, the audit trail of reads, derived caches) stay out. */
const volatile = new Set(['session', 'audit_event', 'app_user', 'compliance_state', 'compliance_tally']);

/** A digest of every row of every business table: equal digests mean nothing was written. */
export async function fingerprint(t: TestApp): Promise<Record<string, string>> {
  const tables = rowsOf<{ name: string }>(
    await t.db.execute(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    ),
  )
    .map((r) => r.name)
    .filter((n) => !volatile.has(n) && !n.startsWith('__'));
  const query = tables
    .map(
      (n) =>
        `select '${n}' as name, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as digest from "${n}" x`,
    )
    .join(' union all ');
  const rows = rowsOf<{ name: string; digest: string }>(await t.db.execute(sql.raw(query)));
  return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
}

/** The text a response carries: JSON as is, xlsx cells, docx XML, PDF through pdftotext. */
export async function textOf(res: LightMyRequestResponse): Promise<string> {
  const type = String(res.headers['content-type'] ?? '');
  if (type.includes('spreadsheetml')) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text ?? cell.value ?? '')))),
    );
    return cells.join('\n');
  }
  if (type.includes('wordprocessingml')) {
    const zip = await JSZip.loadAsync(res.rawPayload);
    const parts = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => f.endsWith('.xml'))
        .map((f) => zip.file(f)!.async('string')),
    );
    return parts.join('\n').replace(/<[^>]+>/g, '');
  }
  if (type.includes('pdf')) {
    try {
      return execFileSync('pdftotext', ['-q', '-', '-'], { input: res.rawPayload }).toString();
    } catch {
      return res.body; // an uploaded stand-in PDF (attachments) that poppler cannot parse: its bytes
    }
  }
  return res.body;
}
