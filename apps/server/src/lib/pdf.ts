import fs from 'node:fs';
import { createRequire } from 'node:module';
import { AppError } from './errors';

/** The part of pdfmake's server API used here (the package ships no types). */
interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string | [string, string]>>): void;
  setLocalAccessPolicy(allow: (path: string) => boolean): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  createPdf(doc: object): { getBuffer(): Promise<Buffer> };
}

const pdfmake = createRequire(import.meta.url)('pdfmake') as PdfMake;

export interface PdfFont {
  /** A .ttf/.otf, or a .ttc collection with the face to use (Noto CJK: NotoSansCJKsc-Regular). */
  font: string;
  fontFace: string;
}

/** A font face as pdfmake takes it: a path, or [collection path, face name]. */
const faceOf = (file: string, face: string): string | [string, string] =>
  file.toLowerCase().endsWith('.ttc') ? [file, face] : file;

/** Fails fast (503, in the caller's language) when the CJK font is not installed. */
export function requirePdfFont(config: PdfFont): void {
  if (!fs.existsSync(config.font)) throw new AppError('PDF_FONT_MISSING');
}

/**
 * Renders a pdfmake document with the CJK font, so Chinese text has real glyphs (the standard PDF
 * fonts have none). pdfmake may read the font files and nothing else; it fetches no URL.
 */
export async function renderPdf(doc: object, config: PdfFont): Promise<Buffer> {
  requirePdfFont(config);
  const bold = config.font.replace(/Regular(?=\.tt[cf]$|\.otf$)/, 'Bold');
  const boldFile = bold !== config.font && fs.existsSync(bold) ? bold : config.font;
  const boldFace = boldFile === config.font ? config.fontFace : config.fontFace.replace('Regular', 'Bold');
  pdfmake.setLocalAccessPolicy((file) => file === config.font || file === boldFile);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setFonts({
    Cjk: {
      normal: faceOf(config.font, config.fontFace),
      bold: faceOf(boldFile, boldFace),
      italics: faceOf(config.font, config.fontFace),
      bolditalics: faceOf(boldFile, boldFace),
    },
  });
  const d = doc as { defaultStyle?: object };
  return pdfmake.createPdf({ ...doc, defaultStyle: { font: 'Cjk', fontSize: 9, ...d.defaultStyle } }).getBuffer();
}
