// Live-session helpers for the e2e suite: a collaboration server process the test owns (to kill
// and restart it), and participants, each in a browser context of its own.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';

export class CollabProcess {
  private child: ChildProcess | null = null;
  readonly dataDir = mkdtempSync(join(tmpdir(), 'netpol-e2e-collab-'));
  constructor(readonly port: number) {}
  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--host', '127.0.0.1', '--port', String(this.port), '--data', this.dataDir], { stdio: 'ignore' });
    const t0 = Date.now();
    for (;;) {
      try {
        const r = await fetch(`http://127.0.0.1:${this.port}/healthz`);
        if (r.ok) return;
      } catch {
        // not up yet
      }
      if (Date.now() - t0 > 30_000) throw new Error('collaboration server did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** SIGKILL: no chance to flush anything (the clients' copies must bring it back). */
  async kill(): Promise<void> {
    const c = this.child;
    this.child = null;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await exited;
  }
}

export interface Person {
  page: Page;
  close(): Promise<void>;
}

/** A new browser context with a name for comments and presence, on `url` (or the start page). */
export async function person(browser: Browser, name: string, url = '/'): Promise<Person> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript((n) => {
    if (!localStorage.getItem('netpol-designer:author')) localStorage.setItem('netpol-designer:author', n);
  }, name);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => !!(window as any).__netpol);
  return { page, close: () => context.close() };
}

export async function startSession(page: Page, server?: string): Promise<{ editor: string; reviewer: string }> {
  const links = await page.evaluate((s) => (window as any).__netpol.startLiveSession(s), server);
  expect(links).toBeTruthy();
  await page.getByTestId('live-dialog').getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('live-connection')).toHaveAttribute('data-state', 'connected');
  return links as { editor: string; reviewer: string };
}

export async function joinSession(browser: Browser, name: string, link: string): Promise<Person> {
  const p = await person(browser, name, link);
  await expect(p.page.getByTestId('live-connection')).toHaveAttribute('data-state', 'connected');
  return p;
}

export function designName(page: Page): Promise<string> {
  return page.evaluate(() => (window as any).__netpol.getDoc().name);
}

export async function rename(page: Page, name: string): Promise<void> {
  const input = page.getByLabel('Design name');
  await input.fill(name);
  await input.press('Enter');
}
