import { useEffect, useState } from 'react';

/**
 * False on the first render, true once the browser has painted it: a page shows its data first and mounts a heavy
 * secondary part (an org tree beside a roster) a frame later, instead of holding the whole first frame for it.
 */
export function useAfterPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The frame callback runs before that frame's paint; the timeout after it.
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setPainted(true), 0)));
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  return painted;
}
