// Auto layout jobs: the layout runs in a Web Worker (app/worker/layout.worker.ts) so the page
// stays responsive, reports progress to `layoutJobStore` (the canvas shows it) and can be
// cancelled (the worker is terminated; a new one starts with the next job). Without Worker
// support (unit tests) it runs on the main thread, ELK loaded on demand.

import { createStore, useStore } from 'zustand';
import type { Doc, Layout } from '../../src/model/types.ts';
import { LayoutCancelled } from '../../src/layout/cancel.ts';
import type { LayoutRequest, LayoutResponse } from '../worker/layout.worker.ts';

export interface LayoutJob {
  /** What is being laid out, e.g. 'Auto layout'. */
  label: string;
  done: number;
  total: number;
  /** The user may cancel it (Auto layout; an import's first layout is not). */
  cancellable: boolean;
}

export const layoutJobStore = createStore<{ job: LayoutJob | null }>()(() => ({ job: null }));

export function useLayoutJob(): LayoutJob | null {
  return useStore(layoutJobStore, (s) => s.job);
}

let worker: Worker | null = null;
let broken = false;
let seq = 0;
let current: { seq: number; resolve: (l: Layout) => void; reject: (e: unknown) => void } | null = null;

function getWorker(): Worker | null {
  if (worker || broken || typeof Worker === 'undefined') return worker;
  try {
    worker = new Worker(new URL('../worker/layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<LayoutResponse>) => {
      const m = e.data;
      if (!current || m.seq !== current.seq) return;
      const job = layoutJobStore.getState().job;
      if ('progress' in m) {
        if (job) layoutJobStore.setState({ job: { ...job, ...m.progress } });
        return;
      }
      const { resolve, reject } = current;
      current = null;
      layoutJobStore.setState({ job: null });
      if ('layout' in m) resolve(m.layout);
      else reject(new Error(m.error));
    };
    worker.onerror = () => {
      // The worker could not start (or crashed): this and later jobs run on the main thread.
      broken = true;
      worker = null;
      const job = current;
      current = null;
      if (job) job.reject(new WorkerFailed());
    };
  } catch {
    broken = true;
    worker = null;
  }
  return worker;
}

class WorkerFailed extends Error {}

/** Stops the running job: its promise rejects with LayoutCancelled, nothing is applied. */
export function cancelLayout(): void {
  seq++; // a job on the main thread stops at its next step
  if (layoutJobStore.getState().job) layoutJobStore.setState({ job: null });
  if (!current) return;
  const { reject } = current;
  current = null;
  worker?.terminate();
  worker = null;
  reject(new LayoutCancelled());
}

async function onMainThread(doc: Doc, aspect: number | undefined, mine: number): Promise<Layout> {
  const { autoLayout } = await import('../../src/layout/elk.ts');
  const signal = { get aborted() { return seq !== mine; } };
  return autoLayout(doc, {
    aspect, signal,
    onProgress: (done, total) => {
      const job = layoutJobStore.getState().job;
      if (job && seq === mine) layoutJobStore.setState({ job: { ...job, done, total } });
    },
  });
}

/** Lays `doc` out (one job at a time: a new job cancels the running one). */
export function runLayout(doc: Doc, opts: { label: string; aspect?: number; cancellable?: boolean }): Promise<Layout> {
  cancelLayout();
  const mine = ++seq;
  layoutJobStore.setState({ job: { label: opts.label, done: 0, total: 1, cancellable: opts.cancellable ?? false } });
  const w = getWorker();
  const request: LayoutRequest = { seq: mine, doc: { ...doc, layout: {} }, ...(opts.aspect ? { aspect: opts.aspect } : {}) };
  if (!w) {
    return onMainThread(doc, opts.aspect, mine).finally(() => {
      if (seq === mine) layoutJobStore.setState({ job: null });
    });
  }
  return new Promise<Layout>((resolve, reject) => {
    current = { seq: mine, resolve, reject };
    w.postMessage(request);
  }).catch((e: unknown) => {
    if (!(e instanceof WorkerFailed)) throw e;
    return onMainThread(doc, opts.aspect, mine).finally(() => {
      if (seq === mine) layoutJobStore.setState({ job: null });
    });
  });
}
