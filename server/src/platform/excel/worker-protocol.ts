// Messages between the parsing worker and its parent. Rows travel packed (values plus one type letter per cell)
// so that a batch is a few arrays to clone rather than an object per cell.
import type { SheetInfo } from './parts.ts';
import { EMPTY, type Cell, type CellType, type Row } from './xlsx-reader.ts';
import type { ZipLimits } from './zip.ts';

export type PackedRow = [number, Cell['value'][], string];

export type ToWorker =
  | { type: 'open'; file: string; zipLimits: ZipLimits }
  | { type: 'rows'; path: string; maxRowChars: number }
  | { type: 'more' }
  | { type: 'stop' }
  | { type: 'close' };

export type FromWorker =
  | { type: 'opened'; sheets: SheetInfo[]; date1904: boolean }
  | { type: 'rows'; rows: PackedRow[]; read: number; total: number; dimension?: number }
  | { type: 'end' }
  | { type: 'error'; message: string; file: boolean };

const CODE: Record<CellType, string> = { string: 's', number: 'n', boolean: 'b', date: 'd', error: 'e', empty: '_' };
const TYPE: Record<string, CellType> = { s: 'string', n: 'number', b: 'boolean', d: 'date', e: 'error', _: 'empty' };

export function packRow(r: Row): PackedRow {
  let types = '';
  const values = r.cells.map((c) => ((types += CODE[c.type]), c.value));
  return [r.rowNumber, values, types];
}

export function unpackRow([rowNumber, values, types]: PackedRow): Row {
  const cells = values.map((value, i): Cell => {
    const type = TYPE[types[i] ?? '_'] ?? 'empty';
    return type === 'empty' ? EMPTY : { value, type };
  });
  return { rowNumber, cells };
}
