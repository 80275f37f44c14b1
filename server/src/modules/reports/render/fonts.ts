// Locates the Noto CJK fonts (Debian package fonts-noto-cjk) used for charts and PDFs, at run time.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export type CjkFontFile = 'NotoSerifCJK-Regular.ttc' | 'NotoSerifCJK-Bold.ttc' | 'NotoSansCJK-Regular.ttc' | 'NotoSansCJK-Bold.ttc';

/** Directories searched in order; GONGHUI_FONT_DIR (if set) comes first. */
export function fontDirs(): string[] {
  const dirs = [
    '/usr/share/fonts/opentype/noto',
    '/usr/share/fonts/noto-cjk',
    '/usr/share/fonts/google-noto-cjk',
    '/usr/share/fonts/truetype/noto',
    '/usr/local/share/fonts',
  ];
  const custom = process.env.GONGHUI_FONT_DIR;
  return custom ? [custom, ...dirs] : dirs;
}

const cache = new Map<string, string>();

/** Absolute path of a Noto CJK collection, or an error that says what to install. */
export function cjkFontPath(file: CjkFontFile, dirs: string[] = fontDirs()): string {
  const key = `${dirs.join('\n')}\n${file}`;
  const hit = cache.get(key);
  if (hit) return hit;
  for (const dir of dirs) {
    const p = join(dir, file);
    if (existsSync(p)) {
      cache.set(key, p);
      return p;
    }
  }
  throw new Error(
    `找不到中文字体 ${file}（已查找 ${dirs.join(', ')}）：请安装 Debian 软件包 fonts-noto-cjk，或用 GONGHUI_FONT_DIR 指定字体目录`,
  );
}

/** Every Noto CJK collection that exists (at least one is required). */
export function cjkFontPaths(): string[] {
  const files: CjkFontFile[] = ['NotoSansCJK-Regular.ttc', 'NotoSansCJK-Bold.ttc', 'NotoSerifCJK-Regular.ttc', 'NotoSerifCJK-Bold.ttc'];
  const found: string[] = [];
  let lastError: unknown;
  for (const f of files) {
    try {
      found.push(cjkFontPath(f));
    } catch (e) {
      lastError = e;
    }
  }
  if (found.length === 0) throw lastError instanceof Error ? lastError : new Error('找不到中文字体');
  return found;
}
