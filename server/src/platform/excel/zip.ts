// Zip access for xlsx files, bounded before anything is inflated: the central directory declares every
// entry's sizes, yauzl refuses a stream that inflates past its declared size, so checking the declarations
// up front stops zip bombs in milliseconds.
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

export interface ZipLimits {
  /** Sum of declared uncompressed sizes. */
  maxTotalBytes: number;
  /** Declared uncompressed / compressed size of one entry (deflate tops out near 1032:1). */
  maxRatio: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 1024 ** 3, maxRatio: 400, maxEntries: 10_000 };

/** A file the user must fix; `message` is Chinese and safe to show. */
export class ExcelFileError extends Error {
  override readonly name = 'ExcelFileError';
}

export interface ZipArchive {
  readonly entries: ReadonlyMap<string, yauzl.Entry>;
  has(name: string): boolean;
  uncompressedSize(name: string): number;
  /** Refuses an entry whose declared size is above `maxBytes` (yauzl holds it to that declaration). */
  open(name: string, maxBytes?: number): Promise<Readable>;
  close(): void;
}

const XLS_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

async function magicOf(file: string): Promise<Buffer> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(4);
    const { bytesRead } = await fh.read(buf, 0, 4, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Opens a zip after checking its magic number and the declared sizes of every entry. */
export async function openZip(file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipArchive> {
  const magic = await magicOf(file);
  if (magic.equals(XLS_MAGIC)) {
    throw new ExcelFileError('不支持旧版 .xls 或加密的 Excel 文件，请在 Excel 中另存为 .xlsx（不设密码）后上传');
  }
  if (!magic.equals(ZIP_MAGIC)) throw new ExcelFileError('文件不是 .xlsx 格式的 Excel 文件，请使用导入模板填写后上传');
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch {
    throw new ExcelFileError('Excel 文件已损坏，无法读取，请重新保存后上传');
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw new ExcelFileError('Excel 文件结构异常（包含的部件过多），请重新保存后上传');
    const entries = new Map<string, yauzl.Entry>();
    let total = 0;
    for await (const e of zip.eachEntry()) {
      total += e.uncompressedSize;
      const ratio = e.uncompressedSize / Math.max(e.compressedSize, 1);
      if (total > limits.maxTotalBytes || (e.uncompressedSize > 1024 * 1024 && ratio > limits.maxRatio)) {
        throw new ExcelFileError('Excel 文件解压后过大或压缩比异常，已拒绝处理；请删除多余的工作表和空白行后重新上传');
      }
      entries.set(e.fileName, e);
    }
    return {
      entries,
      has: (name) => entries.has(name),
      uncompressedSize: (name) => entries.get(name)?.uncompressedSize ?? 0,
      async open(name, maxBytes = Infinity) {
        const e = entries.get(name);
        if (!e) throw new ExcelFileError(`Excel 文件缺少部件 ${name}，请重新保存后上传`);
        if (e.uncompressedSize > maxBytes) {
          throw new ExcelFileError('Excel 文件中的部件解压后过大，已拒绝处理；请删除多余的工作表、样式和空白行后重新上传');
        }
        return zip.openReadStreamPromise(e);
      },
      close: () => zip.close(),
    };
  } catch (e) {
    zip.close();
    if (e instanceof ExcelFileError) throw e;
    throw new ExcelFileError('Excel 文件已损坏，无法读取，请重新保存后上传');
  }
}
