import type { RenderedLetter } from '@shouwang/shared';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';

/**
 * The generated letters as files: one .docx and one PDF, each letter on its own A4 pages, with
 * Chinese letter layout: centered title, body paragraphs indented two characters (首行缩进2字符),
 * salutation and 「敬礼！」 flush left, signature and date right-aligned.
 */

/** 四号 (14 pt) body, 小二 (18 pt) title: easy to read for grandparents who read the letter aloud. */
const bodyPt = 14;
const titlePt = 18;

/** Word: 宋体 for the body, 黑体 for the title, with the East Asian font attribute set. */
const songti = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', hint: 'eastAsia' };
const heiti = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体', hint: 'eastAsia' };
/** 1.5 lines. */
const lineSpacing = { line: 360, before: 0, after: 0 };

function letterParagraphs(letter: RenderedLetter): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 360 },
      children: [new TextRun({ text: letter.title, font: heiti, size: titlePt * 2, bold: true })],
    }),
    ...letter.paragraphs.map(
      (p) =>
        new Paragraph({
          alignment: AlignmentType.BOTH,
          spacing: lineSpacing,
          // Two characters of the body size: firstLineChars for Word and WPS, firstLine (twips) for the rest.
          indent: p.indent ? { firstLineChars: 200, firstLine: bodyPt * 20 * 2 } : undefined,
          children: [new TextRun({ text: p.text, font: songti, size: bodyPt * 2 })],
        }),
    ),
    ...letter.signature.map(
      (line, i) =>
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          spacing: { ...lineSpacing, before: i === 0 ? 480 : 0 },
          children: [new TextRun({ text: line, font: songti, size: bodyPt * 2 })],
        }),
    ),
  ];
}

/** One section per letter: each starts on a new page. */
export async function lettersDocx(title: string, letters: RenderedLetter[]): Promise<Buffer> {
  const doc = new Document({
    title,
    creator: '守望 Shouwang',
    styles: { default: { document: { run: { font: songti, size: bodyPt * 2 } } } },
    sections: letters.map((letter) => ({
      properties: {
        page: {
          size: { width: 11906, height: 16838 },
          margin: { top: 1440, bottom: 1440, left: 1644, right: 1644 },
        },
      },
      children: letterParagraphs(letter),
    })),
  });
  return Packer.toBuffer(doc);
}

/** The pdfmake document (rendered with the CJK font by lib/pdf.ts). */
export function lettersPdfDocument(title: string, letters: RenderedLetter[]) {
  const content = letters.flatMap((letter, i) => [
    {
      text: letter.title,
      alignment: 'center',
      fontSize: titlePt,
      bold: true,
      margin: [0, 0, 0, 14],
      ...(i > 0 ? { pageBreak: 'before' } : {}),
    },
    ...letter.paragraphs.map((p) => ({
      text: p.text,
      alignment: 'justify',
      leadingIndent: p.indent ? bodyPt * 2 : 0,
      margin: [0, 0, 0, 3],
    })),
    {
      stack: letter.signature.map((line) => ({ text: line, alignment: 'right' })),
      margin: [0, 18, 0, 0],
      unbreakable: true,
    },
  ]);
  return {
    pageSize: 'A4',
    pageMargins: [76, 60, 76, 60],
    info: { title, creator: '守望 Shouwang' },
    content,
    defaultStyle: { fontSize: bodyPt, lineHeight: 1.4 },
  };
}
