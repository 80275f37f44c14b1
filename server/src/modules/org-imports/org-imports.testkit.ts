// Test data for 组织名册 imports.
import { usccCheckChar } from '@gonghui/common';

let codeSeq = Math.floor(Math.random() * 1e8);

/** A fresh valid 统一社会信用代码 (never repeats within a process). */
export function newUscc(): string {
  const body = `91320102${String(codeSeq++ % 1e9).padStart(9, '0')}`;
  return body + usccCheckChar(body);
}
