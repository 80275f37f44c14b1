import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { completionChartOption } from '@gonghui/common';
import { DOC_CHART, renderChartPng, renderDocx } from './index.ts';
import { sampleDoc } from './sample.ts';

async function unzip(buf: Buffer): Promise<Map<string, string>> {
  const zip = await yauzl.fromBufferPromise(buf, { lazyEntries: true });
  const out = new Map<string, string>();
  for await (const e of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const c of await zip.openReadStreamPromise(e)) chunks.push(c as Buffer);
    out.set(e.fileName, e.fileName.endsWith('.png') ? `png:${Buffer.concat(chunks).length}` : Buffer.concat(chunks).toString('utf8'));
  }
  return out;
}

const chartPng = () =>
  renderChartPng(completionChartOption([{ label: '新建工会组织', percent: 58.46 }], 51.23), DOC_CHART.width, DOC_CHART.height);

/** The paragraph (w:p) that carries a text. */
function paragraphWith(xml: string, text: string): string {
  const p = xml.split('<w:p>').find((s) => s.includes(`>${text}<`));
  if (p === undefined) throw new Error(`no paragraph with ${text}`);
  return p;
}

describe('renderDocx', () => {
  const envFonts = process.env.GONGHUI_DOC_FONTS;
  afterEach(() => {
    if (envFonts === undefined) delete process.env.GONGHUI_DOC_FONTS;
    else process.env.GONGHUI_DOC_FONTS = envFonts;
  });

  it('writes every text, the 公文 page, fonts, chart and page-number footer', async () => {
    delete process.env.GONGHUI_DOC_FONTS;
    const doc = sampleDoc([{ caption: '图1　目标任务完成情况', png: chartPng(), afterSection: 2 }]);
    const files = await unzip(await renderDocx(doc));
    const xml = files.get('word/document.xml') ?? '';
    for (const t of [
      doc.title,
      doc.signer,
      doc.dateLine,
      '图1　目标任务完成情况',
      ...doc.sections.flatMap((s) => [s.heading, ...s.paragraphs]).filter(Boolean),
    ]) {
      expect(xml).toContain(`>${t}<`);
    }
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const mar = /<w:pgMar [^>]*\/>/.exec(xml)?.[0] ?? '';
    for (const a of ['w:top="2098"', 'w:bottom="1984"', 'w:left="1588"', 'w:right="1474"']) expect(mar).toContain(a);

    expect(paragraphWith(xml, doc.title)).toContain('w:eastAsia="方正小标宋简体"');
    expect(paragraphWith(xml, doc.title)).toContain('<w:sz w:val="44"/>');
    expect(paragraphWith(xml, doc.title)).toContain('<w:jc w:val="center"/>');
    const h1 = paragraphWith(xml, '一、组织建设不断夯实');
    expect(h1).toContain('w:eastAsia="黑体"');
    expect(h1).toContain('<w:outlineLvl w:val="0"/>');
    expect(paragraphWith(xml, '（一）基层工会组织覆盖面持续扩大')).toContain('w:eastAsia="楷体_GB2312"');
    const h3 = paragraphWith(xml, '1. 会员实名制管理');
    expect(h3).toContain('w:eastAsia="仿宋_GB2312"');
    expect(h3).toMatch(/<w:b\/>|<w:b w:val="true"\/>/);
    const body = paragraphWith(xml, doc.sections[2]?.paragraphs[0] ?? '');
    expect(body).toContain('w:eastAsia="仿宋_GB2312"');
    expect(body).toContain('<w:sz w:val="32"/>');
    expect(body).toMatch(/w:firstLineChars="200"/);
    expect(body).toMatch(/w:line="579" w:lineRule="exact"|w:lineRule="exact"[^>]*w:line="579"/);
    expect(paragraphWith(xml, doc.dateLine)).toContain('<w:jc w:val="right"/>');

    expect([...files.keys()].filter((k) => k.startsWith('word/media/'))).toHaveLength(1);
    const footerName = [...files.keys()].find((k) => /^word\/footer\d*\.xml$/.test(k)) ?? '';
    const footer = files.get(footerName) ?? '';
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>|w:instr="\s*PAGE/);
    expect(footer).toContain('>— <');
    expect(footer).toContain('> —<');
    expect(footer).toContain('w:eastAsia="宋体"');
    expect(footer).toContain('<w:sz w:val="28"/>');
  });

  it('names the Noto CJK families with GONGHUI_DOC_FONTS=debian, and takes overrides', async () => {
    process.env.GONGHUI_DOC_FONTS = 'debian';
    const xml = (await unzip(await renderDocx(sampleDoc(), { title: '方正小标宋_GBK' }))).get('word/document.xml') ?? '';
    expect(xml).toContain('w:eastAsia="方正小标宋_GBK"');
    expect(xml).toContain('w:eastAsia="Noto Serif CJK SC"');
    expect(xml).toContain('w:eastAsia="Noto Sans CJK SC"');
    expect(xml).not.toContain('仿宋_GB2312');
  });

  const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
  it.skipIf(!soffice)(
    'converts with LibreOffice to text that carries the figures',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gonghui-docx-'));
      try {
        const doc = sampleDoc([{ caption: '图1　目标任务完成情况', png: chartPng(), afterSection: 2 }]);
        writeFileSync(join(dir, 'summary.docx'), await renderDocx(doc));
        // A private profile so that parallel runs do not fight over ~/.config/libreoffice.
        execFileSync(
          soffice,
          [
            `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
            '--headless',
            '--convert-to',
            'txt:Text (encoded):UTF8',
            '--outdir',
            dir,
            join(dir, 'summary.docx'),
          ],
          { stdio: 'ignore', timeout: 120_000 },
        );
        const text = readFileSync(join(dir, 'summary.txt'), 'utf8');
        for (const p of doc.sections.flatMap((s) => s.paragraphs)) expect(text).toContain(p);
        for (const figure of ['38家', '58.46%', '3581家', '2165人', '98.20%']) expect(text).toContain(figure);
        expect(text).toContain(doc.title);
        expect(text).toContain(doc.dateLine);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    150_000,
  );
});
