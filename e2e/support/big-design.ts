// The 500-workload / 200-policy design (bench/synthetic.ts, seed 42) the scale, layout, filter
// and accessibility specs import, and the screenshot helper those specs share.
import type { Page } from '@playwright/test';
import { synthetic, type Synthetic } from '../../bench/synthetic.ts';
import { expect, type Api } from './test.ts';

/** A synthetic design as one YAML stream, as a user would paste or drop it. */
export function yamlOf(design: Synthetic): string {
  return design.files.map((f) => f.text).join('\n---\n');
}

export const BIG = synthetic(500, 200, 42);
export const BIG_YAML = yamlOf(BIG);

/**
 * Imports `yaml` (the 500-workload design by default) through the test API and waits until the
 * canvas shows it evaluated: the overview's namespace cards are drawn and the status line counts
 * the endpoints. Returns the imported doc.
 */
export async function importBig(page: Page, api: Api, yaml: string = BIG_YAML): ReturnType<Api['getDoc']> {
  await api.loadYaml(yaml);
  await expect(page.getByTestId('ns-card').first()).toBeVisible();
  await expect(page.getByTestId('canvas-status')).toContainText('endpoints');
  return api.getDoc();
}

/** SCREENSHOTS=1: docs/screenshots/<name>-1280x800.png and -1920x1080.png (fitted again at that size). */
export async function shot(page: Page, name: string): Promise<void> {
  if (!process.env.SCREENSHOTS) return;
  await page.screenshot({ path: `docs/screenshots/${name}-1280x800.png` });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `docs/screenshots/${name}-1920x1080.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.locator('.react-flow__controls-fitview').click();
}

/**
 * Opens a design file (serializeDoc text, e.g. bench/ui-design.ts uiDesign(...).text, with its
 * external networks and layout) as the app restores an autosaved design on start, and waits
 * until the canvas shows it evaluated.
 */
export async function openDesign(page: Page, text: string): Promise<void> {
  await page.addInitScript((t) => localStorage.setItem('netpol-designer:autosave', t), text);
  await page.goto('/');
  await expect(page.getByTestId('ns-card').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('canvas-status')).toContainText('endpoints', { timeout: 60_000 });
}
