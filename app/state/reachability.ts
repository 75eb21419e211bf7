// Reachability of the current design, derived (never stored in the doc). Evaluated once per
// `model` reference, so moving nodes around never re-evaluates. Small designs are evaluated
// synchronously; large ones in a Web Worker so typing and dragging stay responsive, which
// re-evaluates incrementally from its previous result, and are linted in a second worker after
// the edges are shown.

import { createStore, useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { Model } from '../../src/model/types.ts';
import type { Reachability } from '../../src/policy/reachability-types.ts';
import { evaluate } from '../../src/policy/evaluate.ts';
import { lint } from '../../src/lint/lint.ts';
import type { LintFinding, LintOptions } from '../../src/lint/types.ts';
import { docStore } from './doc-store.ts';
import type { EvalRequest, EvalResponse } from '../worker/eval.worker.ts';
import type { LintRequest, LintResponse } from '../worker/lint.worker.ts';
import { afterPaint } from './after-paint.ts';
import { ModelSender } from '../../src/model/patch.ts';

/** Above this many workloads evaluation moves to a worker. */
export const WORKER_THRESHOLD = 150;

export interface ReachState {
  /** Latest evaluated result (may lag the doc while `pending`). */
  reach: Reachability | null;
  /** The model `reach` was computed from: read ids and names from this one, they match. */
  model: Model;
  /** A newer model is being evaluated. */
  pending: boolean;
  /** Message of the last evaluation failure, if the latest model could not be evaluated. */
  error: string | null;
  /** Lint findings for `model` (null until computed; they may arrive a moment after `reach`). */
  findings: LintFinding[] | null;
}

/**
 * On the main thread the shadowed-policy check (one evaluation per policy) is limited to small
 * designs so it stays within a few frames; larger designs are linted whole in the worker.
 */
const MAIN_THREAD_LINT: LintOptions = { shadowMaxPolicies: 60, shadowMaxWorkloads: WORKER_THRESHOLD };

export const reachStore = createStore<ReachState>()(() => ({
  reach: null,
  model: docStore.getState().doc.model,
  pending: false,
  error: null,
  findings: null,
}));

let seq = 0;
let worker: Worker | null = null;
let workerBroken = false;

function getWorker(): Worker | null {
  if (worker || workerBroken || typeof Worker === 'undefined') return worker;
  try {
    worker = new Worker(new URL('../worker/eval.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<EvalResponse>) => {
      if ('resync' in e.data) {
        // The worker had no model to apply a patch to: the next message carries the whole model.
        sender.reset();
        const latest = pendingModels.get(seq);
        if (e.data.seq === seq && latest && worker) worker.postMessage({ seq, ...sender.message(latest) } satisfies EvalRequest);
        return;
      }
      if (e.data.seq !== seq) return; // an older request: a newer model is on its way
      const model = pendingModels.get(e.data.seq);
      pendingModels.clear();
      if ('error' in e.data) reachStore.setState({ pending: false, error: e.data.error });
      else {
        const evaluated = model ?? reachStore.getState().model;
        const mine = e.data.seq;
        const reach = e.data.reach;
        reachStore.setState({ reach, findings: null, model: evaluated, pending: false, error: null });
        // Posting to the lint worker copies the model and the result: after the edges have painted.
        afterPaint(() => {
          if (mine === seq) requestLint(mine, evaluated, reach);
        });
      }
    };
    worker.onerror = () => {
      workerBroken = true;
      sender.reset();
      worker = null;
      evaluateNow(docStore.getState().doc.model);
    };
  } catch {
    workerBroken = true;
    worker = null;
  }
  return worker;
}

const pendingModels = new Map<number, Model>();
/** The eval worker's copy of the model, kept in step by patches. */
const sender = new ModelSender();

// Lint of large designs, in its own worker so the edges never wait for it. A request while one
// is running restarts the worker: only the findings of the design on screen matter.
let linter: Worker | null = null;
let linting = false;
let lintSeq = 0;

/**
 * Stops a lint that is still running: its findings are of a design being replaced. Called as
 * soon as an edit asks for a new evaluation, so on a 2-core machine the eval worker does not
 * share the cores with a lint of the previous design (seconds at 500 workloads).
 */
function cancelLint(): void {
  if (linter && linting) {
    linter.terminate();
    linter = null;
    linting = false;
  }
}

function requestLint(mine: number, model: Model, reach: Reachability): void {
  if (typeof Worker === 'undefined') return;
  cancelLint();
  try {
    if (!linter) {
      linter = new Worker(new URL('../worker/lint.worker.ts', import.meta.url), { type: 'module' });
      linter.onmessage = (e: MessageEvent<LintResponse>) => {
        linting = false;
        if (e.data.seq !== seq) return;
        reachStore.setState({ findings: 'error' in e.data ? [] : e.data.findings });
      };
      linter.onerror = () => {
        linting = false;
        linter = null;
        if (lintSeq === seq) reachStore.setState({ findings: [] });
      };
    }
    linting = true;
    lintSeq = mine;
    linter.postMessage({ seq: mine, model, reach } satisfies LintRequest);
  } catch {
    reachStore.setState({ findings: [] });
  }
}

function evaluateNow(model: Model): void {
  const mine = ++seq;
  try {
    const reach = evaluate(model);
    reachStore.setState({ reach, model, pending: false, error: null, findings: null });
    // After the edges have painted: lint is not needed for the first frame.
    setTimeout(() => {
      if (seq !== mine) return;
      try {
        reachStore.setState({ findings: lint(model, reach, MAIN_THREAD_LINT) });
      } catch {
        reachStore.setState({ findings: [] });
      }
    }, 0);
  } catch (err) {
    reachStore.setState({ model, pending: false, error: String(err) });
  }
}

let lastModel: Model | null = null;

/** Schedules evaluation of `model` unless it is the one evaluated last. */
export function requestEvaluation(model: Model): void {
  if (model === lastModel) return;
  lastModel = model;
  const big = Object.keys(model.workloads).length > WORKER_THRESHOLD;
  const w = big ? getWorker() : null;
  if (!w) {
    evaluateNow(model);
    return;
  }
  cancelLint();
  seq++;
  pendingModels.set(seq, model);
  reachStore.setState({ pending: true });
  // After the first design, only what changed crosses (src/model/patch.ts).
  w.postMessage({ seq, ...sender.message(model) } satisfies EvalRequest);
}

requestEvaluation(docStore.getState().doc.model);
docStore.subscribe((s) => requestEvaluation(s.doc.model));

/** The reachability of the design; re-renders when a new result arrives and when an evaluation starts. */
export function useReachability(): { reach: Reachability | null; model: Model; pending: boolean } {
  return useStore(reachStore, useShallow((s) => ({ reach: s.reach, model: s.model, pending: s.pending })));
}

/**
 * The latest result and the model it belongs to, without `pending`: a component that only draws
 * results re-renders once per evaluation, not also when one starts.
 */
export function useEvaluated(): { reach: Reachability | null; model: Model } {
  return useStore(reachStore, useShallow((s) => ({ reach: s.reach, model: s.model })));
}

const NO_FINDINGS: LintFinding[] = [];

/** Lint findings of the evaluated design (empty until computed). */
export function useLintFindings(): LintFinding[] {
  return useStore(reachStore, (s) => s.findings ?? NO_FINDINGS);
}

/** Current result without subscribing (event handlers, the e2e test API). */
export function getReachability(): Reachability | null {
  return reachStore.getState().reach;
}
