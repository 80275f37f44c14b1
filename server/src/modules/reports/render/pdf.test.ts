import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childrenRankChartOption } from '@gonghui/common';
import { cjkFontPath } from './fonts.ts';
import { DOC_CHART, renderChartPng, renderPdf } from './index.ts';
import { sampleDoc } from './sample.ts';

const pdftotext = spawnSync('sh', ['-c', 'command -v pdftotext'], { encoding: 'utf8' }).stdout.trim();
const squash = (s: string) => s.replace(/\s+/g, '');

describe('renderPdf', () => {
  const rank = renderChartPng(
    childrenRankChartOption(
      [
        { name: '高新区总工会', value: 380 },
        { name: '城关区总工会', value: 90 },
      ],
      '各区县新入会会员排名',
      '人',
    ),
    DOC_CHART.width,
    DOC_CHART.height,
  );
  const doc = sampleDoc([{ caption: '图1　各区县新入会会员排名', png: rank, afterSection: 2 }]);

  it('writes an A4 PDF with the CJK fonts embedded and the chart as an image', async () => {
    const pdf = await renderPdf(doc);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/FontFile[23]\b/);
    expect(raw).toContain('NotoSerifCJKsc-Regular');
    expect(raw).toContain('NotoSansCJKsc-Bold');
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/);
    expect(raw).toMatch(/\/Subtype \/Image/);
    expect(raw.match(/\/Type \/Page\b/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it.skipIf(!pdftotext)(
    'has text that carries every paragraph and the page numbers',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gonghui-pdf-'));
      try {
        writeFileSync(join(dir, 'summary.pdf'), await renderPdf(doc));
        const text = squash(execFileSync(pdftotext, ['-enc', 'UTF-8', join(dir, 'summary.pdf'), '-'], { encoding: 'utf8' }));
        for (const t of [doc.title, doc.signer, doc.dateLine, ...doc.sections.flatMap((s) => [s.heading, ...s.paragraphs])])
          expect(text).toContain(squash(t));
        expect(text).toContain('—1—');
        expect(text).toContain('—2—');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it('names the missing font and the package to install', () => {
    expect(() => cjkFontPath('NotoSerifCJK-Regular.ttc', ['/nonexistent/fonts'])).toThrow(
      /NotoSerifCJK-Regular\.ttc.*\/nonexistent\/fonts.*fonts-noto-cjk/,
    );
  });
});
