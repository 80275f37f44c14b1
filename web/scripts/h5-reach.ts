// Which page reaches a module: walk its importers (static and dynamic) up to app code. A module under web/src/h5/ (or
// web/h5/) counts for the H5 page; any other app module of web/ for the console. Shared workspace code
// (@gonghui/common) and packages are walked through.
interface ReachModuleInfo {
  importers: readonly string[];
  dynamicImporters: readonly string[];
}
interface ReachContext {
  getModuleInfo(id: string): ReachModuleInfo | null;
}

export type Reach = 'h5' | 'console' | 'both' | 'none';

const H5_CODE = /[\\/]web[\\/](src[\\/])?h5[\\/]/;
const WEB_CODE = /[\\/]web[\\/]/;
const PASS_THROUGH = /[\\/]node_modules[\\/]|[\\/]common[\\/]src[\\/]/;

const memo = new Map<string, Reach>();

function combine(a: Reach, b: Reach): Reach {
  if (a === 'none') return b;
  if (b === 'none' || a === b) return a;
  return 'both';
}

export function h5Reach(id: string, ctx: ReachContext): Reach {
  const cached = memo.get(id);
  if (cached) return cached;
  let reach: Reach = 'none';
  const seen = new Set<string>([id]);
  const queue = [id];
  while (queue.length > 0 && reach !== 'both') {
    const current = queue.pop() as string;
    const clean = current.replace(/\?.*$/, '');
    if (current !== id && !PASS_THROUGH.test(clean)) {
      if (H5_CODE.test(clean)) reach = combine(reach, 'h5');
      else if (WEB_CODE.test(clean)) reach = combine(reach, 'console');
      continue;
    }
    const info = ctx.getModuleInfo(current);
    for (const next of [...(info?.importers ?? []), ...(info?.dynamicImporters ?? [])]) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  memo.set(id, reach);
  return reach;
}
