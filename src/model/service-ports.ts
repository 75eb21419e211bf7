// Rules the API server applies to a Service's port list (semantics.md 2.2, L-SVC-03), shared by
// lint and the Inspector so both say the same thing.

import type { Protocol } from './types.ts';

export interface ServicePortProblem {
  /** Index of the offending port entry (the later one for duplicates). */
  index: number;
  field: 'name' | 'port';
  kind: 'unnamed' | 'duplicate-name' | 'duplicate-port';
  message: string;
}

/** Several ports need a name each; names and port/protocol pairs must be unique. */
export function servicePortProblems(ports: ReadonlyArray<{ name?: string; port?: number; protocol?: Protocol }>): ServicePortProblem[] {
  const out: ServicePortProblem[] = [];
  const names = new Set<string>();
  const pairs = new Set<string>();
  ports.forEach((p, index) => {
    const name = p.name?.trim() ?? '';
    if (ports.length > 1 && !name) out.push({ index, field: 'name', kind: 'unnamed', message: 'every port needs a name when there are several' });
    else if (name && names.has(name)) out.push({ index, field: 'name', kind: 'duplicate-name', message: `port name "${name}" is used twice` });
    if (name) names.add(name);
    if (p.port !== undefined && Number.isFinite(p.port)) {
      const key = `${p.protocol ?? 'TCP'} ${p.port}`;
      if (pairs.has(key)) out.push({ index, field: 'port', kind: 'duplicate-port', message: `${key} is listed twice` });
      pairs.add(key);
    }
  });
  return out;
}
