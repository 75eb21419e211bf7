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
