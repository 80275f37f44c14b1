import { describe, expect, it } from 'vitest';
import { chartsBySection, emWidth, pngSize, signatureIndents } from './layout.ts';
import { sampleDoc } from './sample.ts';

describe('layout helpers', () => {
  it('places charts before, between and after sections', () => {
    const png = Buffer.alloc(0);
    const doc = sampleDoc([
      { caption: 'a', png, afterSection: -1 },
      { caption: 'b', png, afterSection: 2 },
      { caption: 'c', png, afterSection: 99 },
    ]);
    const by = chartsBySection(doc);
    expect(by.get(-1)?.map((c) => c.caption)).toEqual(['a']);
    expect(by.get(2)?.map((c) => c.caption)).toEqual(['b']);
    expect(by.get(doc.sections.length - 1)?.map((c) => c.caption)).toEqual(['c']);
  });

  it('centres the signer over the date, four characters from the right', () => {
    expect(emWidth('2026年7月5日')).toBe(6);
    expect(signatureIndents('某某市总工会', '2026年7月5日')).toEqual({ signer: 4, date: 4 });
    expect(signatureIndents('市总工会', '2026年7月5日')).toEqual({ signer: 5, date: 4 });
  });

  it('refuses a chart that is not a PNG', () => {
    expect(() => pngSize(Buffer.from('GIF89a........................'))).toThrow('PNG');
  });
});
