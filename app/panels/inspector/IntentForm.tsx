// Inspector for an intent ("allow this flow"): its ends, ports and note.

import type { Intent } from '../../../src/model/types.ts';
import { deleteIntent, updateIntent } from '../../../src/doc/commands.ts';
import { commitDoc, useDocStore } from '../../state/doc-store.ts';
import { setSession } from '../../state/session-store.ts';
import { CommitInput } from '../fields/CommitInput.tsx';
import { PolicyPortsEditor } from '../fields/PolicyPortsEditor.tsx';
import { endpointLabel } from '../endpoint-label.ts';

export function IntentForm({ intent }: { intent: Intent }) {
  const model = useDocStore((s) => s.doc.model);
  const patch = (p: Partial<Intent>) => commitDoc((d) => updateIntent(d, intent.id, p));
  return (
    <form className="form" onSubmit={(e) => e.preventDefault()} aria-label="Intent">
      <h3 className="form-title">
        <span className="kind-badge">Intent</span> {endpointLabel(model, intent.fromId)} → {endpointLabel(model, intent.toId)}
      </h3>
      <p className="hint">Allowed flow; the policies that realise it are generated (see the Policies tab and the YAML panel).</p>
      <fieldset>
        <legend>Ports</legend>
        <p className="hint">No rows: every port of the target.</p>
        <PolicyPortsEditor label="Intent ports" ports={intent.ports} onChange={(ports) => patch({ ports })} />
      </fieldset>
      <CommitInput label="Note" value={intent.note ?? ''} onCommit={(note) => patch({ note: note.trim() || undefined })} />
      <button
        type="button"
        className="danger"
        onClick={() => {
          commitDoc((d) => deleteIntent(d, intent.id));
          setSession({ selection: [] });
        }}
      >
        Delete intent
      </button>
    </form>
  );
}
