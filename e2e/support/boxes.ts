// Screen rectangles of page elements, for the layout checks of the e2e specs (nothing overlaps,
// everything in view).
import type { Page } from '@playwright/test';

export type Box = { x: number; y: number; width: number; height: number };

/** Whether two boxes overlap by more than a pixel each way. */
export const overlap = (a: Box, b: Box) => a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;

/** The bounding boxes of every element matching `selector`. */
export async function boxes(page: Page, selector: string): Promise<Box[]> {
  return page.locator(selector).evaluateAll((els) => els.map((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }));
}

/**
 * Texts drawn inside elements matching `selector` that are under `minPx` high on screen (font
 * size times the element's on-screen scale): leaf elements with text that take up room (not
 * display:none), as "<data-namespace or data-id>: "text" N px".
 */
export async function smallTexts(page: Page, selector: string, minPx = 9): Promise<string[]> {
  return page.locator(selector).evaluateAll((roots, min) => roots.flatMap((root) => Array.from(root.querySelectorAll('*')).filter((el) => {
    const e = el as HTMLElement;
    return e.children.length === 0 && (e.textContent ?? '').trim() !== '' && e.getClientRects().length > 0 && e.offsetHeight > 0;
  }).map((el) => {
    const e = el as HTMLElement;
    const px = parseFloat(getComputedStyle(e).fontSize) * (e.getBoundingClientRect().height / e.offsetHeight);
    return { text: e.textContent ?? '', px };
  }).filter((t) => t.px < min).map((t) => `${root.getAttribute('data-namespace') ?? root.getAttribute('data-id') ?? ''}: "${t.text}" ${t.px.toFixed(1)} px`)), minPx);
}
