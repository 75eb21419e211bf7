// Evaluates reachability off the main thread for large designs. The core is DOM-free, so the
// same evaluator runs here unchanged; the result is plain data and crosses by structured clone.
// The worker keeps the incremental state of the last evaluation, so an edit recomputes only the
// classes it touches (src/policy/incremental.ts). It also keeps the last model: after the first
// request the main thread sends only what changed (src/model/patch.ts), so an edit does not copy
// the whole design across, and unchanged entities stay the same objects here. Lint runs in its
// own worker (lint.worker.ts): its shadowed-policy check costs one evaluation per policy and must
// not hold up the edges.

import { evaluate } from '../../src/policy/evaluate.ts';
import { evaluateIncremental, type IncrementalState } from '../../src/policy/incremental.ts';
import type { Model } from '../../src/model/types.ts';
import { ModelReceiver, type ModelPatch } from '../../src/model/patch.ts';
import type { Reachability } from '../../src/policy/reachability-types.ts';

export type EvalRequest = { seq: number } & ({ model: Model } | { patch: ModelPatch });

/** `resync`: a patch arrived without a model to apply it to; send the whole model again. */
export type EvalResponse = { seq: number; reach: Reachability } | { seq: number; error: string } | { seq: number; resync: true };

let state: IncrementalState | null = null;
const models = new ModelReceiver();

self.onmessage = (e: MessageEvent<EvalRequest>) => {
  const { seq } = e.data;
  let model: Model | null;
  try {
    model = models.receive(e.data);
  } catch {
    model = null;
  }
  if (!model) {
    models.reset();
    (self as unknown as Worker).postMessage({ seq, resync: true } satisfies EvalResponse);
    return;
  }
  try {
    if (state) {
      const out = evaluateIncremental(state, model);
      state = out.state;
      (self as unknown as Worker).postMessage({ seq, reach: out.reach } satisfies EvalResponse);
    } else {
      // First design (or after an error): show evaluate()'s result at once, then build the
      // incremental state from it for the next edit.
      const reach = evaluate(model);
      (self as unknown as Worker).postMessage({ seq, reach } satisfies EvalResponse);
      state = evaluateIncremental(null, model, reach).state;
    }
  } catch (err) {
    state = null;
    (self as unknown as Worker).postMessage({ seq, error: String(err) } satisfies EvalResponse);
  }
};
