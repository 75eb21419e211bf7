// Inspector for an external network: name, description and its CIDRs.

import type { ExternalNetwork } from '../../../src/model/types.ts';
import { updateExternal } from '../../../src/doc/commands.ts';
import { commitDoc } from '../../state/doc-store.ts';
import { CommitInput } from '../fields/CommitInput.tsx';
import { EditableRows } from '../fields/EditableRows.tsx';
import { cidrError } from '../fields/parse.ts';

export const CIDR_FIELDS = [{ name: 'cidr', label: 'CIDR', placeholder: '203.0.113.0/24', validate: cidrError }];

export function ExternalForm({ ext }: { ext: ExternalNetwork }) {
  const patch = (p: Partial<ExternalNetwork>) => commitDoc((d) => updateExternal(d, ext.id, p));
  return (
    <form className="form" onSubmit={(e) => e.preventDefault()} aria-label={`External network ${ext.name}`}>
      <h3 className="form-title">
        <span className="kind-badge">External network</span> {ext.name}
      </h3>
      <CommitInput label="Name" value={ext.name} validate={(v) => (v.trim() ? null : 'must not be empty')} onCommit={(name) => patch({ name: name.trim() })} />
      <CommitInput
        label="Description"
        value={ext.description ?? ''}
        onCommit={(d) => patch({ description: d.trim() || undefined })}
      />
      <fieldset>
        <legend>Addresses (CIDRs)</legend>
        <EditableRows
          label="CIDRs"
          fields={CIDR_FIELDS}
          rows={ext.cidrs.map((cidr) => ({ cidr }))}
          blank={{ cidr: '' }}
          onChange={(rows) => patch({ cidrs: rows.map((r) => r.cidr.trim()) })}
        />
      </fieldset>
    </form>
  );
}
