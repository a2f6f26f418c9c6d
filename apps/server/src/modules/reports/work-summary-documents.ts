import { type SummaryParagraph, type SummarySection, summarySectionHeadings, summarySections } from '@shouwang/shared';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

/**
 * The work summary as files, laid out like a school's official report: centered title (小二 黑体),
 * the four section headings 一、二、三、四 (三号 黑体), numbered sub-headings (楷体 bold), and body
 * paragraphs in 宋体 四号 with a two-character first-line indent, 1.5 lines.
 */

const bodyPt = 14;
const headingPt = 16;
const titlePt = 18;
const songti = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', hint: 'eastAsia' } as const;
const heiti = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体', hint: 'eastAsia' } as const;
const kaiti = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '楷体', hint: 'eastAsia' } as const;
const lineSpacing = { line: 360, before: 0, after: 0 };
const twoChars = { firstLineChars: 200, firstLine: bodyPt * 20 * 2 };

export interface SummaryDocument {
  title: string;
  paragraphs: SummaryParagraph[];
  /** `黄泥村小学` and the date under the text. */
  signature: string[];
}

const bySection = (paragraphs: SummaryParagraph[]) =>
  summarySections.map((section: SummarySection) => ({
    section,
    heading: summarySectionHeadings[section],
    paragraphs: paragraphs.filter((p) => p.section === section && p.text.trim().length > 0),
  }));

/** Each line of a paragraph's text is a paragraph of its own in the file. */
const linesOf = (text: string) =>
  text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);

export async function workSummaryDocx(doc: SummaryDocument): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { after: 360 },
      children: [new TextRun({ text: doc.title, font: heiti, size: titlePt * 2, bold: true })],
    }),
  ];
  for (const part of bySection(doc.paragraphs)) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        spacing: { ...lineSpacing, before: 240 },
        indent: twoChars,
        children: [new TextRun({ text: part.heading, font: heiti, size: headingPt * 2 })],
      }),
    );
    for (const p of part.paragraphs) {
      if (p.heading)
        children.push(
          new Paragraph({
            heading: HeadingLevel.HEADING_2,
            spacing: lineSpacing,
            indent: twoChars,
            children: [new TextRun({ text: p.heading, font: kaiti, size: bodyPt * 2, bold: true })],
          }),
        );
      for (const line of linesOf(p.text))
        children.push(
          new Paragraph({
            alignment: AlignmentType.BOTH,
            spacing: lineSpacing,
            indent: twoChars,
            children: [new TextRun({ text: line, font: songti, size: bodyPt * 2 })],
          }),
        );
    }
  }
  doc.signature.forEach((line, i) => {
    children.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { ...lineSpacing, before: i === 0 ? 480 : 0 },
        children: [new TextRun({ text: line, font: songti, size: bodyPt * 2 })],
      }),
    );
  });
  const file = new Document({
    title: doc.title,
    creator: '守望 Shouwang',
    styles: {
      default: { document: { run: { font: songti, size: bodyPt * 2 } } },
      paragraphStyles: [
        { id: 'Title', name: 'Title', run: { font: heiti, size: titlePt * 2, bold: true, color: '000000' } },
        { id: 'Heading1', name: 'Heading 1', run: { font: heiti, size: headingPt * 2, color: '000000' } },
        { id: 'Heading2', name: 'Heading 2', run: { font: kaiti, size: bodyPt * 2, bold: true, color: '000000' } },
      ],
    },
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1644, right: 1644 } },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(file);
}

/** The pdfmake document (rendered with the CJK font by lib/pdf.ts). */
export function workSummaryPdfDocument(doc: SummaryDocument) {
  const body = (text: string) => ({ text, alignment: 'justify', leadingIndent: bodyPt * 2, margin: [0, 0, 0, 4] });
  const content: object[] = [
    { text: doc.title, alignment: 'center', fontSize: titlePt, bold: true, margin: [0, 0, 0, 16] },
  ];
  for (const part of bySection(doc.paragraphs)) {
    content.push({ text: part.heading, fontSize: headingPt, bold: true, margin: [bodyPt * 2, 10, 0, 6] });
    for (const p of part.paragraphs) {
      if (p.heading) content.push({ text: p.heading, bold: true, margin: [bodyPt * 2, 2, 0, 2] });
      content.push(...linesOf(p.text).map(body));
    }
  }
  content.push({
    stack: doc.signature.map((line) => ({ text: line, alignment: 'right' })),
    margin: [0, 20, 0, 0],
    unbreakable: true,
  });
  return {
    pageSize: 'A4',
    pageMargins: [76, 60, 76, 60],
    info: { title: doc.title, creator: '守望 Shouwang' },
    content,
    defaultStyle: { fontSize: bodyPt, lineHeight: 1.4 },
  };
}
