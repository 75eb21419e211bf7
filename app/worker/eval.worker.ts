// Evaluates reachability off the main thread for large designs. The core is DOM-free, so the
// same evaluate() runs here unchanged; the result is plain data and crosses by structured clone.

import { evaluate } from '../../src/policy/evaluate.ts';
import type { Model } from '../../src/model/types.ts';
import type { Reachability } from '../../src/policy/reachability-types.ts';

export interface EvalRequest {
  seq: number;
  model: Model;
}

export type EvalResponse = { seq: number; reach: Reachability } | { seq: number; error: string };

self.onmessage = (e: MessageEvent<EvalRequest>) => {
  const { seq, model } = e.data;
  try {
    const reach = evaluate(model);
    (self as unknown as Worker).postMessage({ seq, reach } satisfies EvalResponse);
  } catch (err) {
    (self as unknown as Worker).postMessage({ seq, error: String(err) } satisfies EvalResponse);
  }
};
