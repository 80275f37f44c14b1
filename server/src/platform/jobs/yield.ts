// Long synchronous stretches of a job (validating, encrypting, serialising thousands of rows) would hold the event
// loop, and every request with it. A job calls the function this returns in its loops: once `sliceMs` have passed
// since the last pause, it lets the loop run pending I/O (setImmediate) before going on.
import { performance } from 'node:perf_hooks';

export function cooperative(sliceMs = 5): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    if (performance.now() - last < sliceMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        last = performance.now();
        resolve();
      }),
    );
  };
}
