// Fit view's options from what floats over the canvas right now: the panels (Find and filters,
// zoom controls, status line, minimap, pair bars) are measured and cleared by the core's
// fitPadding (src/canvas/fit-padding.ts), so no node is drawn under one of them at fit.

import type { FitViewOptions } from '@xyflow/react';
import { fitPadding, type FitPadding } from '../../src/canvas/fit-padding.ts';
import type { Rect } from '../../src/canvas/geometry.ts';

/** The overlays' rectangles relative to the flow's own box. */
export function measureOverlays(flow: HTMLElement): { canvas: { w: number; h: number }; overlays: Rect[] } {
  const box = flow.getBoundingClientRect();
  const overlays: Rect[] = [];
  for (const el of flow.querySelectorAll<HTMLElement>('.react-flow__panel')) {
    const r = el.getBoundingClientRect();
    overlays.push({ x: r.left - box.left, y: r.top - box.top, w: r.width, h: r.height });
  }
  return { canvas: { w: box.width, h: box.height }, overlays };
}

export function overlayPadding(flow: HTMLElement | null | undefined): FitPadding | null {
  if (!flow) return null;
  const m = measureOverlays(flow);
  return m.canvas.w > 0 && m.canvas.h > 0 ? fitPadding(m.canvas, m.overlays) : null;
}

/** Room for the panels when they cannot be measured (before the first paint). */
const FALLBACK: FitPadding = { top: 48, bottom: 40, left: 58, right: 20 };

/** `grow`: more room for what is drawn past the nodes (edge routes and labels: fit-padding.ts overhang). */
export function fitOptions(flow: HTMLElement | null | undefined, extra: Partial<FitViewOptions> = {}, grow?: (p: FitPadding) => FitPadding): FitViewOptions {
  const measured = overlayPadding(flow) ?? FALLBACK;
  const p = grow ? grow(measured) : measured;
  return { padding: { top: `${p.top}px`, right: `${p.right}px`, bottom: `${p.bottom}px`, left: `${p.left}px` }, duration: 0, maxZoom: 1, ...extra };
}
