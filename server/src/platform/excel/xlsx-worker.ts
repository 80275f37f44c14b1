// Body of the parsing worker (see worker.ts): opens the workbook and streams one sheet's rows at a time to the
// parent in small packed batches, at most two ahead of what the parent has taken.
import { parentPort, workerData } from 'node:worker_threads';
import { XlsxWorkbook, type Row } from './xlsx-reader.ts';
import { ExcelFileError } from './zip.ts';
import { packRow, type FromWorker, type ToWorker, type WorkerInput } from './worker-protocol.ts';

const port = parentPort;
if (!port) throw new Error('xlsx-worker runs only as a worker thread');
const input = workerData as WorkerInput;
const post = (m: FromWorker) => port.postMessage(m);

const BATCH_ROWS = 512;
const BATCH_CHARS = 1024 * 1024;
const AHEAD = 2;

let credit = AHEAD;
let stopped = false;
let wake: (() => void) | null = null;
const nudge = () => {
  wake?.();
  wake = null;
};

function fail(e: unknown): void {
  post(e instanceof ExcelFileError ? { type: 'error', message: e.message, file: true } : { type: 'error', message: String(e), file: false });
}

async function stream(wb: XlsxWorkbook, path: string, maxRowChars: number): Promise<void> {
  const sheet = wb.sheets.find((s) => s.path === path);
  if (!sheet) throw new ExcelFileError('工作表不存在');
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
  for await (const row of rows as AsyncGenerator<Row>) {
    batch.push(packRow(row));
    for (const c of row.cells) if (typeof c.value === 'string') chars += c.value.length;
    if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS || dimension !== undefined) await flush();
    if (stopped) return;
  }
  await flush();
}

const wb = await XlsxWorkbook.open(input.file, input.zipLimits).catch((e: unknown) => (fail(e), null));
if (wb) {
  post({ type: 'opened', sheets: [...wb.sheets], date1904: wb.date1904 });
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
        credit = AHEAD;
        stopped = false;
        try {
          await stream(wb, m.path, m.maxRowChars);
          post({ type: 'end' });
        } catch (e) {
          fail(e);
        }
      });
    }
  });
}
