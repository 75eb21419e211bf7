// Text for connection sets, shared by every report format and by the UI, so a connection
// reads the same in a terminal, a pull request and on the canvas. The one implementation is
// the core's describeConn (src/policy/portset.ts), which explain() and intent status use too.

import { describeConn, isAll, isEmpty } from '../policy/portset.ts';
import type { ConnSet } from '../policy/reachability-types.ts';

export function connIsEmpty(c: ConnSet): boolean {
  return isEmpty(c);
}

export function connIsAll(c: ConnSet): boolean {
  return isAll(c);
}

/**
 * `all` (every port of every protocol), `none`, or per protocol: `TCP 80, 443; UDP 53`.
 * A protocol open on every port reads `TCP all`.
 */
export function formatConnSet(c: ConnSet): string {
  return describeConn(c);
}
