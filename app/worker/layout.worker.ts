// Auto layout off the main thread: the core's autoLayout (DOM-free) runs here unchanged and
// reports its progress; cancelling terminates the worker (app/state/layout-jobs.ts).

import { autoLayout } from '../../src/layout/elk.ts';
import type { Doc, Layout } from '../../src/model/types.ts';

export interface LayoutRequest {
  seq: number;
  /** Only what layout reads: the model (layout and review are not needed). */
  doc: Doc;
  aspect?: number;
}

export type LayoutResponse =
  | { seq: number; progress: { done: number; total: number } }
  | { seq: number; layout: Layout }
  | { seq: number; error: string };

const post = (m: LayoutResponse) => (self as unknown as Worker).postMessage(m);

// ELK's bundle, once started inside a worker, makes itself the worker's `onmessage` handler
// (it expects to be the whole worker): listen with addEventListener and take that handler
// away again after each job, so our requests reach only us.
self.addEventListener('message', (e: MessageEvent<LayoutRequest>) => {
  const { seq, doc, aspect } = e.data;
  autoLayout(doc, { aspect, onProgress: (done, total) => post({ seq, progress: { done, total } }) })
    .then((layout) => post({ seq, layout }), (err: unknown) => post({ seq, error: String(err) }))
    .finally(() => { self.onmessage = null; });
});
