// Port/protocol dialog for a connection drawn on the canvas. "Add intent" commits addIntent,
// which regenerates the synthesised policies in the same undo step. With a load balancer
// (`lb:<serviceId>`) at either end, the ports offered are the Service's ports (port ->
// targetPort): an LB intent stores Service ports (src/policy/lb-intents.ts).

import { useMemo, useState } from 'react';
import './panels.css';
import type { PolicyPort } from '../../src/model/types.ts';
import { addIntent } from '../../src/doc/commands.ts';
import { applyServePlan, servePlan } from '../../src/doc/commands-serve.ts';
import { offeredPorts } from './intent-ports.ts';
import { commitDoc, useDocStore } from '../state/doc-store.ts';
import { setSession, useSessionStore } from '../state/session-store.ts';
import { endpointLabel } from './endpoint-label.ts';
import type { RowValues } from './fields/EditableRows.tsx';
import { policyPortsToRows, rowsToPolicyPorts } from './fields/PolicyPortsEditor.tsx';
import { PolicyPortsEditor } from './fields/PolicyPortsEditor.tsx';
import { Modal } from './Modal.tsx';

type Mode = 'target' | 'all' | 'custom';

export function IntentDialog() {
  const pending = useSessionStore((s) => s.pendingIntent);
  if (!pending) return null;
  return <IntentForm key={`${pending.fromId}->${pending.toId}`} fromId={pending.fromId} toId={pending.toId} initial={pending.ports} />;
}

function IntentForm({ fromId, toId, initial }: { fromId: string; toId: string; initial?: PolicyPort[] }) {
  const model = useDocStore((s) => s.doc.model);
  // Drawn from a load balancer: whether (and how) its selector changes to serve the target.
  const serve = useMemo(() => servePlan(model, fromId, toId), [model, fromId, toId]);
  const offer = useMemo(() => offeredPorts(applyServePlan(model, serve), fromId, toId), [model, serve, fromId, toId]);
  const offered = offer.ports;
  const [mode, setMode] = useState<Mode>(initial?.length ? 'custom' : offered.length ? 'target' : 'all');
  const [checked, setChecked] = useState<boolean[]>(() => offered.map(() => true));
  const [custom, setCustom] = useState<RowValues[]>(() => policyPortsToRows(initial));

  const ports: PolicyPort[] =
    mode === 'all'
      ? []
      : mode === 'target'
        ? offered.filter((_, i) => checked[i]).map((p) => ({ protocol: p.protocol, port: p.port }))
        : rowsToPolicyPorts(custom);
  const nothingChosen = mode !== 'all' && ports.length === 0;
  const close = () => setSession({ pendingIntent: null });
  const submit = () => {
    if (nothingChosen) return;
    commitDoc((d) => addIntent(d, { fromId, toId, ports }));
    close();
  };

  return (
    <Modal title="Allow traffic" onClose={close} testId="intent-dialog">
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <p className="intent-ends">
          From <strong>{endpointLabel(model, fromId)}</strong> to <strong>{endpointLabel(model, toId)}</strong>
        </p>
        {(serve.kind === 'select' || serve.kind === 'refused') && (
          <p className={serve.kind === 'refused' ? 'field-error' : 'hint'} data-testid="serve-plan">
            {serve.kind === 'select' ? `Adding it: ${serve.text}` : `The load balancer does not select this workload: ${serve.text}`}
          </p>
        )}
        <fieldset>
          <legend>Ports</legend>
          {offered.length > 0 && (
            <label className="check">
              <input type="radio" name="intent-mode" checked={mode === 'target'} onChange={() => setMode('target')} />
              {offer.title}
            </label>
          )}
          {mode === 'target' && (
            <div className="indent-block">
              {offered.map((p, i) => (
                <label key={i} className="check">
                  <input type="checkbox" checked={checked[i]} onChange={(e) => setChecked(checked.map((c, j) => (j === i ? e.target.checked : c)))} />
                  {p.label}
                </label>
              ))}
            </div>
          )}
          <label className="check">
            <input type="radio" name="intent-mode" checked={mode === 'all'} onChange={() => setMode('all')} />
            {offer.lb ? "Every port of the load balancer" : 'All ports and protocols'}
          </label>
          <label className="check">
            <input type="radio" name="intent-mode" checked={mode === 'custom'} onChange={() => setMode('custom')} />
            Custom ports
          </label>
          {mode === 'custom' && (
            <div className="indent-block">
              <PolicyPortsEditor label="Custom ports" ports={rowsToPolicyPorts(custom)} onChange={(p) => setCustom(policyPortsToRows(p))} />
              {offer.lb && <p className="hint">Service ports, as clients dial the load balancer (a number or a port name).</p>}
            </div>
          )}
          {nothingChosen && <p className="field-error">Choose at least one port, or allow all ports.</p>}
        </fieldset>
        <div className="dialog-buttons">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={nothingChosen}>
            Add intent
          </button>
        </div>
      </form>
    </Modal>
  );
}
