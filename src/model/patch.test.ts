import { describe, expect, it } from 'vitest';
import { addIntent, addNamespace, addWorkload, deleteEntities, setNamespaceDefaults, updateWorkload, upsertPolicy } from '../doc/commands.ts';
import { emptyDoc } from './factory.ts';
import type { Doc, Model } from './types.ts';
import { ModelReceiver, ModelSender, applyModelPatch, diffModel } from './patch.ts';

function design(): Doc {
  let d = emptyDoc('t');
  d = addNamespace(d, { at: { x: 0, y: 0 }, name: 'shop' });
  const ns = Object.keys(d.model.namespaces)[0]!;
  for (const name of ['web', 'api', 'db']) d = addWorkload(d, { namespaceId: ns, at: { x: 10, y: 10 }, name });
  return d;
}

/** Through a structured clone, as a worker receives it. */
const wire = <T>(x: T): T => structuredClone(x);

describe('model patches', () => {
  it('turn the previous model into the next one for every kind of edit, sharing unchanged entities', () => {
    let d = design();
    const ns = Object.keys(d.model.namespaces)[0]!;
    const [web, api, db] = Object.keys(d.model.workloads);
    const edits: ((x: Doc) => Doc)[] = [
      (x) => updateWorkload(x, web!, { podLabels: { app: 'web-edited' } }),
      (x) => upsertPolicy(x, { id: 'np1', namespaceId: ns, name: 'np1', podSelector: {}, policyTypes: ['Ingress'], ingress: [{ ports: [{ protocol: 'TCP', port: 80 }] }] }),
      (x) => setNamespaceDefaults(x, ns, { denyIngress: true, denyEgress: false, allowDns: false }),
      (x) => addIntent(x, { fromId: web!, toId: api! }),
      (x) => ({ ...x, model: { ...x.model, cluster: { ...x.model.cluster, nodeCidrs: ['10.1.0.0/16'] } } }),
      (x) => ({ ...x, model: { ...x.model, assertions: { a1: { id: 'a1', fromId: web!, toId: db!, protocol: 'TCP', port: 80, expect: 'reach' } } } }),
      (x) => { const { assertions: _gone, ...rest } = x.model; return { ...x, model: rest as Model }; },
      (x) => setNamespaceDefaults(x, ns, null),
      (x) => deleteEntities(x, [db!]),
    ];
    // The worker's copy: what it got over the wire, then patches applied to it.
    let held = wire(d.model);
    for (const edit of edits) {
      const next = edit(d);
      const patch = wire(diffModel(d.model, next.model));
      const got = applyModelPatch(held, patch);
      expect(got).toEqual(next.model);
      // Entities the edit did not touch are the very objects the worker had.
      for (const id of Object.keys(got.workloads)) if (next.model.workloads[id] === d.model.workloads[id]) expect(got.workloads[id]).toBe(held.workloads[id]);
      held = got;
      d = next;
    }
  });

  it('is small: one changed workload out of many crosses as that workload only', () => {
    const d = design();
    const id = Object.keys(d.model.workloads)[1]!;
    const next = updateWorkload(d, id, { podLabels: { app: 'x' } });
    const p = diffModel(d.model, next.model);
    expect(Object.keys(p.records)).toEqual(['workloads']);
    expect(Object.keys(p.records.workloads!.set)).toEqual([id]);
    expect(p.records.workloads!.del).toEqual([]);
    expect(p.fields).toEqual({});
    expect(diffModel(d.model, d.model)).toEqual({ records: {}, fields: {}, drop: [] });
  });

  it('sender and receiver: the whole model first, patches after, the whole model again after a reset', () => {
    const send = new ModelSender();
    const recv = new ModelReceiver();
    const d = design();
    const first = send.message(d.model);
    expect('model' in first).toBe(true);
    expect(recv.receive(wire(first))).toEqual(d.model);
    const next = updateWorkload(d, Object.keys(d.model.workloads)[0]!, { podLabels: { app: 'y' } });
    const second = send.message(next.model);
    expect('patch' in second).toBe(true);
    expect(recv.receive(wire(second))).toEqual(next.model);
    // A receiver that lost its copy cannot apply a patch: it asks for the whole model.
    const fresh = new ModelReceiver();
    expect(fresh.receive(wire(send.message(d.model)))).toBeNull();
    send.reset();
    const again = send.message(d.model);
    expect('model' in again).toBe(true);
    expect(fresh.receive(wire(again))).toEqual(d.model);
  });
});
