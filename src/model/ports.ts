// The API's "protocol defaults to TCP" rule (semantics.md 1.7, 2.2), in one place for every
// container port, Service port and policy port.

import type { Protocol } from './types.ts';

export function protocolOf(p: { protocol?: Protocol }): Protocol {
  return p.protocol ?? 'TCP';
}
