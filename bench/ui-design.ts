// The design the UI benchmark loads: 500 workloads in exactly 20 namespaces with 200 policies,
// laid out as the app lays out an import (ELK, grid fallback), serialised as the design file
// the app autosaves (`serializeDoc`).
//
// `synthetic(500, 200)` makes ~25 namespaces (one per 20 workloads), so its workloads, services
// and policies are folded into 20 namespaces (kube-system + 19), keeping every object; ids are
// re-derived from the new namespace (names stay unique: they carry a running number).

import { emptyDoc, ids } from '../src/model/factory.ts';
import type { Doc, Id, Model } from '../src/model/types.ts';
import { autoLayout } from '../src/layout/elk.ts';
import { gridLayout } from '../src/layout/grid.ts';
import { serializeDoc } from '../src/doc/file-format.ts';
import { synthetic } from './synthetic.ts';

export interface UiDesign {
  doc: Doc;
  text: string;
  counts: { namespaces: number; workloads: number; policies: number; services: number; externals: number; loadBalancers: number };
  layoutEngine: 'elk' | 'grid';
  layoutMs: number;
}

/** Folds the model's namespaces into `nsCount` (kube-system and the first nsCount-1 others). */
export function foldNamespaces(src: Model, nsCount: number): Model {
  const all = Object.values(src.namespaces);
  const keep = [all.find((n) => n.name === 'kube-system') ?? all[0], ...all.filter((n) => n.name !== 'kube-system')].slice(0, nsCount);
  const apps = keep.slice(1);
  const map = new Map<Id, Id>(); // old ns id -> kept ns id
  all.forEach((ns) => {
    if (keep.includes(ns)) map.set(ns.id, ns.id);
  });
  all.filter((ns) => !keep.includes(ns)).forEach((ns, i) => map.set(ns.id, apps[i % apps.length].id));
  const nameOf = (nsId: Id): string => src.namespaces[nsId].name;

  const model: Model = { ...src, namespaces: {}, workloads: {}, services: {}, policies: {}, namespaceDefaults: {} };
  for (const ns of keep) model.namespaces[ns.id] = ns;
  for (const w of Object.values(src.workloads)) {
    const nsId = map.get(w.namespaceId)!;
    const id = ids.workload(nameOf(nsId), w.kind, w.name);
    model.workloads[id] = { ...w, id, namespaceId: nsId };
  }
  for (const s of Object.values(src.services)) {
    const nsId = map.get(s.namespaceId)!;
    const id = ids.service(nameOf(nsId), s.name);
    model.services[id] = { ...s, id, namespaceId: nsId };
  }
  // Policies: namespaces folded together may each carry a default-deny / allow-dns; keep them
  // all (distinct names), so the policy count stays exact.
  for (const p of Object.values(src.policies)) {
    const nsId = map.get(p.namespaceId)!;
    const id = ids.policy(nameOf(nsId), p.name);
    if (model.policies[id]) throw new Error(`duplicate policy id ${id}`);
    model.policies[id] = { ...p, id, namespaceId: nsId };
  }
  return model;
}

export async function uiDesign(workloads = 500, namespaces = 20, policies = 200, seed = 42): Promise<UiDesign> {
  const { model: raw } = synthetic(workloads, policies, seed);
  const model = foldNamespaces(raw, namespaces);
  const base: Doc = { ...emptyDoc(`UI bench: ${workloads} workloads, ${namespaces} namespaces, ${policies} policies`), model };
  const t0 = performance.now();
  let layoutEngine: UiDesign['layoutEngine'] = 'elk';
  let layout;
  try {
    layout = await autoLayout(base);
  } catch {
    layoutEngine = 'grid';
    layout = gridLayout(base);
  }
  const layoutMs = performance.now() - t0;
  const doc: Doc = { ...base, layout };
  const counts = {
    namespaces: Object.keys(model.namespaces).length,
    workloads: Object.keys(model.workloads).length,
    policies: Object.keys(model.policies).length,
    services: Object.keys(model.services).length,
    externals: Object.keys(model.externals).length,
    loadBalancers: Object.values(model.services).filter((s) => s.type === 'LoadBalancer').length,
  };
  if (counts.namespaces !== namespaces || counts.workloads !== workloads || counts.policies !== policies) {
    throw new Error(`synthetic design has ${JSON.stringify(counts)}, expected ${namespaces} namespaces, ${workloads} workloads, ${policies} policies`);
  }
  return { doc, text: serializeDoc(doc), counts, layoutEngine, layoutMs };
}
