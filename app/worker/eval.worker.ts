// Evaluates reachability off the main thread for large designs. The core is DOM-free, so the
// same evaluate() runs here unchanged; the result is plain data and crosses by structured clone.

import { evaluate } from '../../src/policy/evaluate.ts';
import { lint } from '../../src/lint/lint.ts';
import type { LintFinding } from '../../src/lint/types.ts';
import type { Model } from '../../src/model/types.ts';
import type { Reachability } from '../../src/policy/reachability-types.ts';

export interface EvalRequest {
  seq: number;
  model: Model;
}

export type EvalResponse = { seq: number; reach: Reachability; findings: LintFinding[] } | { seq: number; error: string };

self.onmessage = (e: MessageEvent<EvalRequest>) => {
  const { seq, model } = e.data;
  try {
    const reach = evaluate(model);
    // Lint here too: its shadowed-policy check re-evaluates the design once per policy, which
    // would block the page for seconds on a large design.
    const findings = lint(model, reach);
    (self as unknown as Worker).postMessage({ seq, reach, findings } satisfies EvalResponse);
  } catch (err) {
    (self as unknown as Worker).postMessage({ seq, error: String(err) } satisfies EvalResponse);
  }
};
