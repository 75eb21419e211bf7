// Lints a large design off the main thread, given the design and its evaluated reachability.
// Separate from eval.worker.ts so an edit's edges never wait for lint (the shadowed-policy
// check re-evaluates the design once per policy: seconds at 500 workloads); a newer request
// replaces a running one by restarting this worker (app/state/reachability.ts).

import { lint } from '../../src/lint/lint.ts';
import type { LintFinding } from '../../src/lint/types.ts';
import type { Model } from '../../src/model/types.ts';
import type { Reachability } from '../../src/policy/reachability-types.ts';

export interface LintRequest {
  seq: number;
  model: Model;
  reach: Reachability;
}

export type LintResponse = { seq: number; findings: LintFinding[] } | { seq: number; error: string };

self.onmessage = (e: MessageEvent<LintRequest>) => {
  const { seq, model, reach } = e.data;
  try {
    (self as unknown as Worker).postMessage({ seq, findings: lint(model, reach) } satisfies LintResponse);
  } catch (err) {
    (self as unknown as Worker).postMessage({ seq, error: String(err) } satisfies LintResponse);
  }
};
