// A design at fit stays at fit when the canvas changes size (the bottom drawer or a banner opens
// or closes, the window is resized), unless the user panned or zoomed since the fit: the canvas
// records the viewport its last fit set and fits again on a resize only while the view is still
// that one (a pan, a zoom, a search jump or an opened namespace moves it off).

export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** Whether `now` is still the viewport the last fit set (`fit`; null: no fit yet or moved off). */
export function stillAtFit(fit: Viewport | null, now: Viewport): boolean {
  if (!fit) return false;
  return Math.abs(fit.zoom - now.zoom) <= 1e-4 * Math.max(1, fit.zoom) && Math.abs(fit.x - now.x) <= 0.5 && Math.abs(fit.y - now.y) <= 0.5;
}

/** Whether a canvas that went from `before` to `after` (CSS px) should fit again: it changed size and was at fit. */
export function refitOnResize(before: { w: number; h: number }, after: { w: number; h: number }, fit: Viewport | null, now: Viewport): boolean {
  if (!after.w || !after.h || !before.w || !before.h) return false;
  if (Math.abs(before.w - after.w) < 1 && Math.abs(before.h - after.h) < 1) return false;
  return stillAtFit(fit, now);
}
