// The workbook read in a worker thread with its own heap limit: a hostile file that gets past the size checks
// can at worst exhaust the worker's heap, which ends the worker (and fails the import) but not the server.
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { SheetInfo } from './parts.ts';
import { DEFAULT_MAX_ROW_CHARS, type Row, type RowsOptions } from './xlsx-reader.ts';
import { DEFAULT_ZIP_LIMITS, ExcelFileError, type ZipLimits } from './zip.ts';
import { unpackRow, type FromWorker, type ToWorker } from './worker-protocol.ts';

/** What the import needs of a workbook, in process (XlsxWorkbook) or in a worker (WorkerWorkbook). */
export interface WorkbookReader {
  readonly sheets: readonly SheetInfo[];
  readonly date1904: boolean;
  rows(sheet: SheetInfo, opts?: RowsOptions): AsyncGenerator<Row>;
  close(): void;
}

export const DEFAULT_WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 768, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 };

export interface WorkerOptions {
  zipLimits?: ZipLimits;
  resourceLimits?: ResourceLimits;
}

const ENTRY = new URL('./xlsx-worker.mjs', import.meta.url);
// Starting a worker costs seconds on a busy machine (it compiles its TypeScript), so one idle worker with the
// default limits is kept for the next import; it does not keep the process alive.
let idle: Worker | null = null;

function spawnWorker(resourceLimits: ResourceLimits): Worker {
  const w = new Worker(ENTRY, { resourceLimits });
  w.on('exit', () => {
    if (idle === w) idle = null;
  });
  return w;
}
const OUT_OF_MEMORY = 'Excel 文件内容过大，解析时超出内存限制，已停止处理；请删除多余的内容或拆分为多个文件后重新上传';
const CRASHED = 'Excel 文件解析异常中止，已停止处理；请在 Excel 中重新保存为 .xlsx 后上传';

export class WorkerWorkbook implements WorkbookReader {
  private readonly inbox: FromWorker[] = [];
  private wake: (() => void) | null = null;
  private dead: Error | null = null;
  private closed = false;
  sheets: readonly SheetInfo[] = [];
  date1904 = false;

  private streaming = false;
  private readonly onMessage = (m: FromWorker) => {
    this.inbox.push(m);
    this.nudge();
  };
  private readonly onError = (e: Error & { code?: string }) => {
    this.dead ??= new ExcelFileError(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? OUT_OF_MEMORY : CRASHED);
    this.nudge();
  };
  private readonly onExit = () => {
    this.dead ??= this.closed ? new Error('workbook closed') : new ExcelFileError(CRASHED);
    this.nudge();
  };

  private constructor(
    private readonly worker: Worker,
    private readonly reusable: boolean,
  ) {
    worker.on('message', this.onMessage).on('error', this.onError).on('exit', this.onExit);
    worker.ref();
  }

  static async open(file: string, o: WorkerOptions = {}): Promise<WorkerWorkbook> {
    const reusable = !o.resourceLimits;
    const worker = (reusable ? idle : null) ?? spawnWorker(o.resourceLimits ?? DEFAULT_WORKER_LIMITS);
    if (worker === idle) idle = null;
    const wb = new WorkerWorkbook(worker, reusable);
    try {
      wb.send({ type: 'open', file, zipLimits: o.zipLimits ?? DEFAULT_ZIP_LIMITS });
      const m = await wb.next();
      if (m.type === 'error') throw m.file ? new ExcelFileError(m.message) : new Error(m.message);
      if (m.type !== 'opened') throw new Error(`unexpected worker message ${m.type}`);
      wb.sheets = m.sheets;
      wb.date1904 = m.date1904;
      return wb;
    } catch (e) {
      wb.close();
      throw e;
    }
  }

  private nudge(): void {
    this.wake?.();
    this.wake = null;
  }

  private send(m: ToWorker): void {
    if (!this.dead) this.worker.postMessage(m);
  }

  private async next(signal?: AbortSignal): Promise<FromWorker> {
    for (;;) {
      const m = this.inbox.shift();
      if (m) return m;
      if (this.dead) throw this.dead;
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      let onAbort: (() => void) | undefined;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        onAbort = resolve;
        signal?.addEventListener('abort', onAbort, { once: true });
      });
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
  }

  async *rows(sheet: SheetInfo, opts: RowsOptions = {}): AsyncGenerator<Row> {
    this.send({ type: 'rows', path: sheet.path, maxRowChars: opts.maxRowChars ?? DEFAULT_MAX_ROW_CHARS });
    this.streaming = true;
    let ended = false;
    try {
      for (;;) {
        const m = await this.next(opts.signal);
        if (m.type === 'end') return void (ended = true);
        if (m.type === 'error') {
          ended = true;
          throw m.file ? new ExcelFileError(m.message) : new Error(m.message);
        }
        if (m.type !== 'rows') continue;
        if (m.dimension !== undefined) opts.onDimension?.(m.dimension);
        for (const packed of m.rows) yield unpackRow(packed);
        this.send({ type: 'more' });
        opts.onProgress?.(m.read, m.total);
      }
    } finally {
      // Left early (a header scan, a failure): let the worker stop and drop what it had already sent. While
      // stopping (an abort) it is not waited for: close() then ends it.
      if (!ended && !this.dead) {
        this.send({ type: 'stop' });
        for (;;) {
          const m = await this.next(opts.signal).catch(() => null);
          if (!m) break;
          if (m.type === 'end' || m.type === 'error') {
            ended = true;
            break;
          }
        }
      }
      this.streaming = !ended;
    }
  }

  /** Hands an idle, healthy worker on to the next import; otherwise ends it at once, even in the middle of a part. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.worker.off('message', this.onMessage).off('error', this.onError).off('exit', this.onExit);
    if (this.reusable && !this.dead && !this.streaming && !idle) {
      this.worker.postMessage({ type: 'close' } satisfies ToWorker);
      this.worker.unref();
      idle = this.worker;
    } else {
      void this.worker.terminate();
    }
  }
}
