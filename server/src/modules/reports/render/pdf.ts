// Work summaries as PDF with the same 公文 layout as the docx (GB/T 9704-2012). Noto CJK stands in for the 公文
// fonts and is embedded (pdfkit subsets it): 小标宋 → Noto Serif CJK SC Bold, 仿宋 / 楷体 / 宋体 → Noto Serif CJK SC,
// 黑体 → Noto Sans CJK SC Bold.
import PDFDocument from 'pdfkit';
import { cjkFontPath, type CjkFontFile } from './fonts.ts';
import { chartsBySection, MM, PAGE, pngSize, signatureIndents, TYPE, type RenderDoc } from './layout.ts';

type Role = 'title' | 'body' | 'bodyBold' | 'heading1' | 'heading2' | 'pageNumber';

/** Each role's collection and the face inside it (a .ttc face is chosen by its PostScript name). */
const FACES: Record<Role, { file: CjkFontFile; face: string }> = {
  title: { file: 'NotoSerifCJK-Bold.ttc', face: 'NotoSerifCJKsc-Bold' },
  body: { file: 'NotoSerifCJK-Regular.ttc', face: 'NotoSerifCJKsc-Regular' },
  bodyBold: { file: 'NotoSerifCJK-Bold.ttc', face: 'NotoSerifCJKsc-Bold' },
  heading1: { file: 'NotoSansCJK-Bold.ttc', face: 'NotoSansCJKsc-Bold' },
  heading2: { file: 'NotoSerifCJK-Regular.ttc', face: 'NotoSerifCJKsc-Regular' },
  pageNumber: { file: 'NotoSerifCJK-Regular.ttc', face: 'NotoSerifCJKsc-Regular' },
};

const margin = {
  top: PAGE.marginMm.top * MM,
  bottom: PAGE.marginMm.bottom * MM,
  left: PAGE.marginMm.left * MM,
  right: PAGE.marginMm.right * MM,
};
const pageHeight = PAGE.heightMm * MM;
const textWidth = (PAGE.widthMm - PAGE.marginMm.left - PAGE.marginMm.right) * MM;
const bottomY = pageHeight - margin.bottom;
const EM = TYPE.body;

class Writer {
  constructor(private readonly pdf: PDFKit.PDFDocument) {}

  /** Sets a role's font and returns the line gap that makes its lines `lineHeight` apart. */
  private use(role: Role, size: number, lineHeight: number): number {
    this.pdf.font(FACES[role].face).fontSize(size);
    return Math.max(0, lineHeight - this.pdf.currentLineHeight(false));
  }

  private get y(): number {
    return this.pdf.y;
  }

  /** Starts a new page unless `height` still fits above the bottom margin. */
  ensure(height: number): void {
    if (this.y + height > bottomY + 0.5) this.pdf.addPage();
  }

  linesLeft(): number {
    return Math.floor((bottomY - this.y + 0.5) / TYPE.lineHeight);
  }

  paragraph(
    text: string,
    role: Role,
    opts: { indentEms?: number; align?: 'justify' | 'center' | 'right'; rightEms?: number; size?: number; lineHeight?: number } = {},
  ): void {
    const size = opts.size ?? TYPE.body;
    const lineHeight = opts.lineHeight ?? TYPE.lineHeight;
    const lineGap = this.use(role, size, lineHeight);
    const width = textWidth - (opts.rightEms ?? 0) * EM;
    this.ensure(lineHeight);
    this.pdf.text(text, margin.left, this.y, { width, align: opts.align ?? 'justify', indent: (opts.indentEms ?? 0) * EM, lineGap });
  }

  blank(lines = 1): void {
    this.pdf.y += lines * TYPE.lineHeight;
  }

  heading(text: string, level: 1 | 2 | 3): void {
    // A heading keeps at least one line of what follows on its page.
    this.ensure(2 * TYPE.lineHeight);
    const role: Role = level === 1 ? 'heading1' : level === 2 ? 'heading2' : 'bodyBold';
    this.paragraph(text, role, { indentEms: 2 });
  }

  chart(chart: RenderDoc['charts'][number]): void {
    const size = pngSize(chart.png);
    const width = Math.min(textWidth, size.width);
    const height = (size.height * width) / size.width;
    this.ensure(6 + height + TYPE.lineHeight);
    this.pdf.image(chart.png, margin.left + (textWidth - width) / 2, this.y + 6, { width, height });
    this.pdf.y += 6 + height + 4;
    this.paragraph(chart.caption, 'heading2', { align: 'center', size: TYPE.caption });
  }

  signature(signer: string, dateLine: string): void {
    const indents = signatureIndents(signer, dateLine);
    // Two blank lines before the signature, fewer when that keeps it on the page of the last paragraph.
    const left = this.linesLeft();
    if (left < 2) this.pdf.addPage();
    else this.blank(Math.min(2, left - 2));
    this.paragraph(signer, 'body', { align: 'right', rightEms: indents.signer });
    this.paragraph(dateLine, 'body', { align: 'right', rightEms: indents.date });
  }

  pageNumbers(): void {
    const range = this.pdf.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.pdf.switchToPage(i);
      // Writing below the bottom margin would start a new page: lift the margin while numbering.
      this.pdf.page.margins.bottom = 0;
      this.pdf.font(FACES.pageNumber.face).fontSize(TYPE.pageNumber);
      this.pdf.text(`— ${i - range.start + 1} —`, margin.left, bottomY + PAGE.pageNumberBelowMm * MM, {
        width: textWidth,
        align: 'center',
        lineBreak: false,
      });
      this.pdf.page.margins.bottom = margin.bottom;
    }
  }
}

function write(doc: RenderDoc, pdf: PDFKit.PDFDocument): void {
  // One registration per face: roles sharing a face share its embedded subset.
  for (const { file, face } of Object.values(FACES)) pdf.registerFont(face, cjkFontPath(file), face);
  const w = new Writer(pdf);
  const charts = chartsBySection(doc);
  for (const line of doc.title.split('\n'))
    w.paragraph(line, 'title', { align: 'center', size: TYPE.title, lineHeight: TYPE.titleLineHeight });
  w.blank();
  for (const c of charts.get(-1) ?? []) w.chart(c);
  doc.sections.forEach((s, i) => {
    if (s.heading) w.heading(s.heading, s.level);
    for (const p of s.paragraphs) w.paragraph(p, 'body', { indentEms: 2 });
    for (const c of charts.get(i) ?? []) w.chart(c);
  });
  w.signature(doc.signer, doc.dateLine);
  w.pageNumbers();
}

export async function renderPdf(doc: RenderDoc): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: margin,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: doc.title, Author: doc.signer, Creator: 'Gonghui' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  try {
    write(doc, pdf);
  } finally {
    pdf.end();
  }
  return done;
}
