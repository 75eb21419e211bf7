// Text for connection sets, shared by every report format and by the UI, so a connection
// reads the same in a terminal, a pull request and on the canvas.

import { PROTOCOLS } from '../model/types.ts';
import type { ConnSet, PortRanges } from '../policy/reachability-types.ts';

const MIN_PORT = 1;
const MAX_PORT = 65535;

function isFullRange(r: PortRanges): boolean {
  return r.length === 1 && r[0][0] === MIN_PORT && r[0][1] === MAX_PORT;
}

/** `80, 8080-8090` (separator configurable); `all` for 1-65535. */
export function formatPortRanges(r: PortRanges, separator = ', '): string {
  if (isFullRange(r)) return 'all';
  return r.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`)).join(separator);
}

export function connIsEmpty(c: ConnSet): boolean {
  return c.TCP.length === 0 && c.UDP.length === 0 && c.SCTP.length === 0;
}

export function connIsAll(c: ConnSet): boolean {
  return isFullRange(c.TCP) && isFullRange(c.UDP) && isFullRange(c.SCTP);
}

/**
 * `all` (every port of every protocol), `none`, or per protocol: `TCP 80, 443; UDP 53`.
 * A protocol open on every port reads `TCP all`.
 */
export function formatConnSet(c: ConnSet): string {
  if (connIsEmpty(c)) return 'none';
  if (connIsAll(c)) return 'all';
  return PROTOCOLS.filter((p) => c[p].length > 0)
    .map((p) => `${p} ${formatPortRanges(c[p])}`)
    .join('; ');
}
