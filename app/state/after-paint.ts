// Runs work after the next frame has been painted (the next animation frame, then a task), so
// that what an edit changed is on screen before copies and checks nobody is waiting for. Hidden
// tabs get no animation frames: a timer runs the work anyway.

export const AFTER_PAINT_FALLBACK_MS = 250;

export function afterPaint(fn: () => void, env: { raf?: (cb: () => void) => unknown } = {}): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    fn();
  };
  const raf = env.raf ?? (typeof requestAnimationFrame === 'function' ? (cb: () => void) => requestAnimationFrame(cb) : undefined);
  raf?.(() => setTimeout(run, 0));
  setTimeout(run, AFTER_PAINT_FALLBACK_MS);
}
