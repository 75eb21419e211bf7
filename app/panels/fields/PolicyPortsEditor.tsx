// Rows of NetworkPolicy-style ports (protocol, number or named port, endPort), used by policy
// rules and by intents.

import { protocolOf } from '../../../src/model/ports.ts';
import { PROTOCOLS } from '../../../src/model/types.ts';
import type { PolicyPort, Protocol } from '../../../src/model/types.ts';
import { EditableRows } from './EditableRows.tsx';
import type { RowValues } from './EditableRows.tsx';
import { portNumberError, portOrNameError, toOptionalNumber, toPortOrName } from './parse.ts';

function endPortError(v: string, row: RowValues): string | null {
  if (!v.trim()) return null;
  const own = portNumberError(v);
  if (own) return own;
  if (!/^\d+$/.test(row.port.trim())) return 'needs a numeric port';
  if (Number(v) < Number(row.port)) return 'must be ≥ port';
  return null;
}

const FIELDS = [
  { name: 'protocol', label: 'Protocol', options: PROTOCOLS, width: '72px' },
  { name: 'port', label: 'Port or name', placeholder: 'all ports', validate: (v: string) => portOrNameError(v, true) },
  { name: 'endPort', label: 'End port', placeholder: '', width: '66px', validate: endPortError },
];

export function policyPortsToRows(ports: PolicyPort[] | undefined): RowValues[] {
  return (ports ?? []).map((p) => ({
    protocol: protocolOf(p),
    port: p.port === undefined ? '' : String(p.port),
    endPort: p.endPort === undefined ? '' : String(p.endPort),
  }));
}

export function rowsToPolicyPorts(rows: RowValues[]): PolicyPort[] {
  return rows.map((r) => {
    const p: PolicyPort = { protocol: r.protocol as Protocol };
    const port = toPortOrName(r.port);
    if (port !== undefined) p.port = port;
    const end = toOptionalNumber(r.endPort);
    if (end !== undefined) p.endPort = end;
    return p;
  });
}

export function PolicyPortsEditor(props: { label: string; ports: PolicyPort[] | undefined; onChange: (ports: PolicyPort[]) => void; testId?: string }) {
  return (
    <EditableRows
      label={props.label}
      fields={FIELDS}
      rows={policyPortsToRows(props.ports)}
      blank={{ protocol: 'TCP', port: '', endPort: '' }}
      onChange={(rows) => props.onChange(rowsToPolicyPorts(rows))}
      testId={props.testId}
    />
  );
}
