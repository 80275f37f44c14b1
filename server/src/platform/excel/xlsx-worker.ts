// Body of the parsing worker (see worker.ts): opens one workbook at a time and streams one sheet's rows at a time
// to the parent in small packed batches, at most two ahead of what the parent has taken.
import { parentPort } from 'node:worker_threads';
import { XlsxWorkbook } from './xlsx-reader.ts';
import { ExcelFileError } from './zip.ts';
import { packRow, type FromWorker, type ToWorker } from './worker-protocol.ts';

const port = parentPort;
if (!port) throw new Error('xlsx-worker runs only as a worker thread');
const post = (m: FromWorker) => port.postMessage(m);

const BATCH_ROWS = 512;
const BATCH_CHARS = 1024 * 1024;
const AHEAD = 2;

let wb: XlsxWorkbook | null = null;
let credit = AHEAD;
let stopped = false;
let wake: (() => void) | null = null;
const nudge = () => {
  wake?.();
  wake = null;
};

function fail(e: unknown): void {
  post(
    e instanceof ExcelFileError ? { type: 'error', message: e.message, file: true } : { type: 'error', message: String(e), file: false },
  );
}

async function stream(path: string, maxRowChars: number): Promise<void> {
  const sheet = wb?.sheets.find((s) => s.path === path);
  if (!wb || !sheet) throw new ExcelFileError('工作表不存在');
  let read = 0;
  let total = 0;
  let dimension: number | undefined;
  let batch: ReturnType<typeof packRow>[] = [];
  let chars = 0;
  const flush = async () => {
    while (credit === 0 && !stopped) await new Promise<void>((r) => (wake = r));
    if (stopped) return;
    credit--;
    post({ type: 'rows', rows: batch, read, total, ...(dimension === undefined ? {} : { dimension }) });
    dimension = undefined;
    batch = [];
    chars = 0;
  };
  const rows = wb.rows(sheet, {
    maxRowChars,
    onProgress: (r, t) => ((read = r), (total = t)),
    onDimension: (d) => (dimension = d),
  });
  for await (const row of rows) {
    batch.push(packRow(row));
    for (const c of row.cells) if (typeof c.value === 'string') chars += c.value.length;
    if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS || dimension !== undefined) await flush();
    if (stopped) return;
  }
  await flush();
}

// Requests run one after another; 'more' and 'stop' steer the one in progress.
let busy: Promise<void> = Promise.resolve();
port.on('message', (m: ToWorker) => {
  if (m.type === 'more') {
    credit++;
    nudge();
  } else if (m.type === 'stop') {
    stopped = true;
    nudge();
  } else {
    busy = busy.then(async () => {
      try {
        if (m.type === 'open') {
          wb?.close();
          wb = null;
          wb = await XlsxWorkbook.open(m.file, m.zipLimits);
          post({ type: 'opened', sheets: [...wb.sheets], date1904: wb.date1904 });
        } else if (m.type === 'close') {
          wb?.close();
          wb = null;
        } else {
          credit = AHEAD;
          stopped = false;
          await stream(m.path, m.maxRowChars);
          post({ type: 'end' });
        }
      } catch (e) {
        fail(e);
      }
    });
  }
});
