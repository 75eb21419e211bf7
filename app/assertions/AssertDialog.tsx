// "Add assertion" dialog: direction, port/protocol and the expectation; one undo step.
import { useMemo, useState } from 'react';
import '../panels/panels.css';
import '../lb/lb.css';
import { PROTOCOLS, type Protocol } from '../../src/model/types.ts';
import { addAssertion, assertionError, duplicateAssertion } from '../../src/doc/commands-lb.ts';
import { commitDoc, docStore, useDocStore } from '../state/doc-store.ts';
import { notify } from '../state/session-store.ts';
import { useDesignLocked } from '../collab/live-store.ts';
import { LockedFieldset } from '../share/LockedFieldset.tsx';
import { Modal } from '../panels/Modal.tsx';
import { openAssertDialog, useAssertDraft, type AssertDraft } from './assert-ui.ts';
import { isLb, shortName, suggestedPorts } from './endpoints.ts';
import { showAssertions } from './show.ts';

export function AssertDialog() {
  const draft = useAssertDraft();
  if (!draft) return null;
  return <AssertForm key={`${draft.fromId}>${draft.toId}`} initial={draft} />;
}

function AssertForm({ initial }: { initial: AssertDraft }) {
  const model = useDocStore((s) => s.doc.model);
  const [ends, setEnds] = useState(initial);
  const offered = useMemo(() => suggestedPorts(model, ends.toId), [model, ends.toId]);
  const [protocol, setProtocol] = useState<Protocol>(offered[0]?.protocol ?? 'TCP');
  const [portText, setPortText] = useState(offered[0] ? String(offered[0].port) : '');
  const [expect, setExpect] = useState<'reach' | 'no-reach'>('no-reach');
  const [note, setNote] = useState('');
  const port = Number(portText);
  const candidate = { ...ends, protocol, port, expect, note };
  const error = portText.trim() === '' ? 'Enter a port.' : assertionError(candidate);
  const close = () => openAssertDialog(null);
  const locked = useDesignLocked();
  const submit = () => {
    if (error || locked) return;
    if (duplicateAssertion(docStore.getState().doc, candidate)) {
      notify('This assertion already exists.', 'info');
      close();
      return;
    }
    commitDoc((d) => addAssertion(d, candidate));
    notify(`Assertion added: ${shortName(model, ends.fromId)} ${expect === 'reach' ? 'must reach' : 'must not reach'} ${shortName(model, ends.toId)} on ${port}/${protocol}. It is checked after every edit.`);
    showAssertions();
    close();
  };
  const canSwap = !isLb(ends.fromId) && !isLb(ends.toId);
  return (
    <Modal title="Add assertion" onClose={close} testId="assert-dialog">
      <form className="form" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <LockedFieldset testId="assert-fields">
        <p className="intent-ends">
          From <strong>{shortName(model, ends.fromId)}</strong> to <strong>{shortName(model, ends.toId)}</strong>{' '}
          {canSwap && (
            <button type="button" className="small-btn" onClick={() => setEnds({ fromId: ends.toId, toId: ends.fromId })} title="Swap the direction">⇄ Swap</button>
          )}
        </p>
        <fieldset>
          <legend>Expectation</legend>
          <label className="check"><input type="radio" name="assert-expect" checked={expect === 'no-reach'} onChange={() => setExpect('no-reach')} /> Must not reach</label>
          <label className="check"><input type="radio" name="assert-expect" checked={expect === 'reach'} onChange={() => setExpect('reach')} /> Must reach</label>
        </fieldset>
        <div className="row-fields assert-port">
          <label className="field">
            <span className="field-label">Protocol</span>
            <select value={protocol} onChange={(e) => setProtocol(e.target.value as Protocol)}>
              {PROTOCOLS.map((p) => <option key={p}>{p}</option>)}
            </select>
          </label>
          <label className="field">
            <span className="field-label">Port</span>
            <input value={portText} inputMode="numeric" onChange={(e) => setPortText(e.target.value)} aria-invalid={!!error} />
          </label>
        </div>
        {offered.length > 1 && (
          <div className="add-buttons" aria-label="Ports of the target">
            {offered.map((o) => (
              <button type="button" key={o.label} onClick={() => { setProtocol(o.protocol); setPortText(String(o.port)); }}>{o.label}</button>
            ))}
          </div>
        )}
        <label className="field">
          <span className="field-label">Note (optional)</span>
          <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="e.g. PCI: the database is private" />
        </label>
        {error && <p className="field-error">{error}</p>}
        </LockedFieldset>
        <div className="dialog-buttons">
          <button type="button" onClick={close}>Cancel</button>
          <button type="submit" className="primary" disabled={!!error || locked}>Add assertion</button>
        </div>
      </form>
    </Modal>
  );
}
