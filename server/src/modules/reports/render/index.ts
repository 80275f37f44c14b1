// Documents and charts for reports: the only public surface of render/.
export { renderDocx, defaultDocFonts, GOV_DOC_FONTS, DEBIAN_DOC_FONTS, type DocFonts } from './docx.ts';
export { renderChartPng, DOC_CHART } from './chart.ts';
export { renderPdf } from './pdf.ts';
export type { RenderDoc } from './layout.ts';
