// Work summaries as Word documents laid out as 公文 (GB/T 9704-2012): A4, 37/35/28/26 mm margins, 22 lines of
// 3号 仿宋 with fixed 28.95 pt spacing, 2号 小标宋 title, 黑体 / 楷体 / 仿宋 bold headings, "— 1 —" page numbers.
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IRunOptions,
} from 'docx';
import { chartsBySection, mmToTwip, PAGE, pngSize, signatureIndents, TYPE, type RenderDoc } from './layout.ts';

/** Font family names written into the document, one per role. */
export interface DocFonts {
  title: string;
  body: string;
  /** 一、… */
  heading1: string;
  /** （一）… */
  heading2: string;
  pageNumber: string;
}

/**
 * Fonts: a docx names fonts, it does not carry them. By default every run names the 公文 fonts (ascii, hAnsi and
 * eastAsia alike); Word and WPS on a Chinese desktop have them, and any viewer without them substitutes its CJK
 * default (LibreOffice on Debian: Noto CJK through fontconfig). `GONGHUI_DOC_FONTS=debian` names the Noto CJK
 * families instead, for servers and previews where only fonts-noto-cjk is installed; `fonts` overrides either.
 * Level-3 headings use the body font in bold.
 */
export const GOV_DOC_FONTS: DocFonts = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
};
export const DEBIAN_DOC_FONTS: DocFonts = {
  title: 'Noto Serif CJK SC',
  body: 'Noto Serif CJK SC',
  heading1: 'Noto Sans CJK SC',
  heading2: 'Noto Serif CJK SC',
  pageNumber: 'Noto Serif CJK SC',
};

export function defaultDocFonts(): DocFonts {
  return process.env.GONGHUI_DOC_FONTS === 'debian' ? DEBIAN_DOC_FONTS : GOV_DOC_FONTS;
}

const halfPoints = (pt: number): number => Math.round(pt * 2);
const ptToTwip = (pt: number): number => Math.round(pt * 20);
const LINE = ptToTwip(TYPE.lineHeight);
const EM = ptToTwip(TYPE.body);
/** Width of the type area in docx image pixels (96 per inch). */
const TEXT_WIDTH_PX = Math.floor(((PAGE.widthMm - PAGE.marginMm.left - PAGE.marginMm.right) / 25.4) * 96);

function font(name: string): NonNullable<IRunOptions['font']> {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

function run(text: string, name: string, pt: number, bold = false): TextRun {
  return new TextRun({ text, font: font(name), size: halfPoints(pt), bold, language: { eastAsia: 'zh-CN' } });
}

const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

function bodyParagraph(text: string, name: string, bold = false, outlineLevel?: number, keepNext = false): Paragraph {
  return new Paragraph({
    keepNext,
    children: [run(text, name, TYPE.body, bold)],
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 2 * EM, firstLineChars: 200 },
    spacing: exact(LINE),
    outlineLevel,
  });
}

const blank = (keepNext = false): Paragraph => new Paragraph({ children: [], spacing: exact(LINE), keepNext });

function headingParagraph(heading: string, level: 1 | 2 | 3, fonts: DocFonts): Paragraph {
  switch (level) {
    case 1:
      return bodyParagraph(heading, fonts.heading1, false, 0);
    case 2:
      return bodyParagraph(heading, fonts.heading2, false, 1);
    case 3:
      return bodyParagraph(heading, fonts.body, true, 2);
  }
}

function chartParagraphs(chart: RenderDoc['charts'][number], fonts: DocFonts): Paragraph[] {
  const size = pngSize(chart.png);
  const width = Math.min(TEXT_WIDTH_PX, size.width);
  const height = Math.round((size.height * width) / size.width);
  return [
    new Paragraph({
      children: [
        new ImageRun({
          type: 'png',
          data: chart.png,
          transformation: { width, height },
          altText: { name: chart.caption, description: chart.caption, title: chart.caption },
        }),
      ],
      alignment: AlignmentType.CENTER,
      spacing: { before: ptToTwip(6), after: 0 },
      keepNext: true,
    }),
    new Paragraph({
      children: [run(chart.caption, fonts.heading2, TYPE.caption)],
      alignment: AlignmentType.CENTER,
      spacing: exact(LINE),
    }),
  ];
}

function pageNumberFooter(fonts: DocFonts): Footer {
  const options = { font: font(fonts.pageNumber), size: halfPoints(TYPE.pageNumber) };
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ ...options, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

function bodyChildren(doc: RenderDoc, fonts: DocFonts): Paragraph[] {
  const charts = chartsBySection(doc);
  const out: Paragraph[] = [];
  const title = doc.title.split('\n').map(
    (line) =>
      new Paragraph({
        children: [run(line, fonts.title, TYPE.title)],
        alignment: AlignmentType.CENTER,
        spacing: exact(ptToTwip(TYPE.titleLineHeight)),
      }),
  );
  out.push(...title, blank());
  for (const c of charts.get(-1) ?? []) out.push(...chartParagraphs(c, fonts));
  doc.sections.forEach((s, i) => {
    if (s.heading) out.push(headingParagraph(s.heading, s.level, fonts));
    const last = i === doc.sections.length - 1 && !charts.has(i);
    // The last paragraph travels with the signature so that it never stands alone on a page.
    s.paragraphs.forEach((p, j) => out.push(bodyParagraph(p, fonts.body, false, undefined, last && j === s.paragraphs.length - 1)));
    for (const c of charts.get(i) ?? []) out.push(...chartParagraphs(c, fonts));
  });
  const indents = signatureIndents(doc.signer, doc.dateLine);
  const signature = (text: string, rightEms: number): Paragraph =>
    new Paragraph({
      children: [run(text, fonts.body, TYPE.body)],
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(rightEms * EM) },
      spacing: exact(LINE),
      keepNext: true,
      keepLines: true,
    });
  out.push(blank(true), blank(true), signature(doc.signer, indents.signer), signature(doc.dateLine, indents.date));
  return out;
}

export async function renderDocx(doc: RenderDoc, fonts: Partial<DocFonts> = {}): Promise<Buffer> {
  const f: DocFonts = { ...defaultDocFonts(), ...fonts };
  const t = PAGE.twip;
  // Footer distance from the page edge: the number's baseline about 7 mm below the type area.
  const footerTwip = Math.max(0, t.bottom - mmToTwip(PAGE.pageNumberBelowMm) - ptToTwip(TYPE.pageNumber));
  const document = new Document({
    title: doc.title,
    creator: doc.signer,
    styles: {
      default: {
        document: {
          run: { font: font(f.body), size: halfPoints(TYPE.body), language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: exact(LINE) },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: t.width, height: t.height },
            margin: { top: t.top, bottom: t.bottom, left: t.left, right: t.right, header: mmToTwip(15), footer: footerTwip },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE },
        },
        footers: { default: pageNumberFooter(f) },
        children: bodyChildren(doc, f),
      },
    ],
  });
  return Packer.toBuffer(document);
}
