// A small window API for the Playwright tests (installed only in `vite build --mode e2e`, once
// the initial design is loaded: app/main.tsx), so tests can seed designs and read the model
// instead of guessing from pixels.
import type { Doc, NamespaceDefaults, Review } from '../src/model/types.ts';
import type { Reachability } from '../src/policy/reachability-types.ts';
import { importManifests } from '../src/k8s/import.ts';
import { emptyDoc, emptyReview } from '../src/model/factory.ts';
import { commitDoc, docStore } from './state/doc-store.ts';
import { setNamespaceDefaults, updateWorkload, upsertPolicy } from '../src/doc/commands.ts';
import { reviewDocStore } from './state/review-doc-store.ts';
import { loadSavedDesign } from './state/saved-design.ts';
import { getReachability, reachStore } from './state/reachability.ts';
import { lastDrawnDoc, lastDrawnFocus } from './flow/drawn-doc.ts';
import { redo, undo } from './state/history-actions.ts';
import { applyImportedModel } from './state/layout-actions.ts';
import { initialSession, sessionStore } from './state/session-store.ts';
import { currentSessionDocs, startLiveSession } from './collab/live-session.ts';
import { liveStore, type LiveState } from './collab/live-store.ts';
import { presenceStore } from './state/presence-store.ts';

export interface NetpolTestApi {
  getDoc(): Doc;
  /** The review scope (comments, versions, decisions). */
  getReview(): Review;
  /** Replaces the design with the given manifests, laid out; resolves when evaluated. */
  loadYaml(text: string): Promise<void>;
  getReachability(): Reachability | null;
  /** The design the canvas last committed to the DOM (null before its first render). */
  drawnDoc(): Doc | null;
  /** The selection whose neighbourhood (edges, fading) the canvas last committed. */
  drawnFocus(): string[];
  undo(): void;
  redo(): void;
  /** An empty design, empty history, fresh session. */
  reset(): void;
  /** Number of undo steps available. */
  undoDepth(): number;
  /** Starts a live session on `server` (default: the configured one); resolves to its links. */
  startLiveSession(server?: string): Promise<{ editor: string; reviewer: string } | null>;
  live(): Omit<LiveState, 'links'>;
  /** Names of the other participants present. */
  peers(): string[];
  /** Sets the port of one rule of a policy, as the policy editor does (one user action). */
  setRulePort(policyId: string, dir: 'ingress' | 'egress', rule: number, port: number): void;
  /** Replaces a workload's pod labels, as the Inspector does (one user action). */
  setPodLabels(workloadId: string, labels: Record<string, string>): void;
  /** Sets (or with null clears) a namespace's default-deny switches, as the Inspector does. */
  setNamespaceDefaults(namespaceId: string, defaults: NamespaceDefaults | null): void;
  /** Writes into the session's design document directly, bypassing the UI (server enforcement checks). */
  rawDesignWrite(name: string): void;
}

function whenEvaluated(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => !reachStore.getState().pending && reachStore.getState().model === docStore.getState().doc.model;
    if (done()) return resolve();
    const unsub = reachStore.subscribe(() => {
      if (done()) {
        unsub();
        resolve();
      }
    });
  });
}

export function installTestApi(): void {
  const api: NetpolTestApi = {
    getDoc: () => docStore.getState().doc,
    getReview: () => reviewDocStore.getState().review,
    loadYaml: async (text) => {
      const r = importManifests([{ name: 'test.yaml', text }]);
      await applyImportedModel(r.model, { replace: true, name: 'test' });
      await whenEvaluated();
    },
    getReachability,
    drawnDoc: lastDrawnDoc,
    drawnFocus: lastDrawnFocus,
    undo,
    redo,
    reset: () => {
      sessionStore.setState({ ...initialSession });
      loadSavedDesign({ doc: emptyDoc(), review: emptyReview() }, { record: false });
    },
    undoDepth: () => docStore.temporal.getState().pastStates.length,
    startLiveSession: (server) => startLiveSession(server ?? undefined),
    live: () => {
      const { links: _links, ...rest } = liveStore.getState();
      return rest;
    },
    peers: () => presenceStore.getState().peers.map((p) => p.name),
    setRulePort: (policyId, dir, rule, port) => commitDoc((d) => {
      const p = d.model.policies[policyId];
      if (!p) return d;
      const rules = (p[dir] ?? []).map((r, i) => (i === rule ? { ...r, ports: [{ protocol: 'TCP' as const, port }] } : r));
      return upsertPolicy(d, { ...p, [dir]: rules });
    }),
    setPodLabels: (workloadId, labels) => commitDoc((d) => updateWorkload(d, workloadId, { podLabels: labels })),
    setNamespaceDefaults: (namespaceId, defaults) => commitDoc((d) => setNamespaceDefaults(d, namespaceId, defaults)),
    rawDesignWrite: (name) => {
      const docs = currentSessionDocs();
      docs?.design.transact(() => docs.design.getMap('meta').set('name', name), 'raw-test-write');
    },
  };
  (window as unknown as { __netpol: NetpolTestApi }).__netpol = api;
}
