import { afterEach, describe, expect, it, vi } from 'vitest';
import { AFTER_PAINT_FALLBACK_MS, afterPaint } from './after-paint.ts';

describe('afterPaint', () => {
  afterEach(() => vi.useRealTimers());

  it('runs once, in a task after the next animation frame', () => {
    vi.useFakeTimers();
    const frames: (() => void)[] = [];
    const fn = vi.fn();
    afterPaint(fn, { raf: (cb) => frames.push(cb) });
    vi.advanceTimersByTime(0);
    expect(fn).not.toHaveBeenCalled(); // not before the frame
    frames.shift()!();
    expect(fn).not.toHaveBeenCalled(); // not inside the frame callback either
    vi.advanceTimersByTime(0);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(AFTER_PAINT_FALLBACK_MS);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('still runs when no frame comes (a hidden tab)', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    afterPaint(fn, { raf: () => undefined });
    vi.advanceTimersByTime(AFTER_PAINT_FALLBACK_MS - 1);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
