// Charts for documents: the shared ECharts option (common/src/charts.ts) rendered on the server to SVG, then to PNG.
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { cjkFontPath } from './fonts.ts';

/** ECharts asks for sans-serif: every generic family resolves to Noto Sans CJK SC (regular and bold are loaded). */
const SANS = 'Noto Sans CJK SC';

/** A chart that fills the 156 mm type area with text about 7–11 pt when printed: 760 × 420 at scale 2. */
export const DOC_CHART = { width: 760, height: 420, scale: 2 } as const;

/**
 * Server-side rendering with echarts' SVG renderer (no DOM, no canvas), rasterised by resvg with the CJK fonts.
 * `width` × `height` is the chart's layout size; the PNG has `scale` times as many pixels each way (2 for print).
 */
export function renderChartPng(option: object, width = 1200, height = 600, scale = 1): Buffer {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  let svg: string;
  try {
    chart.setOption({ animation: false, ...option });
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    fitTo: { mode: 'width', value: Math.round(width * scale) },
    font: {
      fontFiles: [cjkFontPath('NotoSansCJK-Regular.ttc'), cjkFontPath('NotoSansCJK-Bold.ttc')],
      loadSystemFonts: false,
      defaultFontFamily: SANS,
      sansSerifFamily: SANS,
      serifFamily: SANS,
      monospaceFamily: SANS,
    },
  });
  return Buffer.from(resvg.render().asPng());
}
