// CSV for spreadsheets and scripts: header `src,dst,protocol,ports`, one line per protocol of
// each connection; ports as numeric ranges joined with `;` (e.g. `80;8080-8090`, `1-65535`).

import { PROTOCOLS } from '../model/types.ts';
import type { Reachability } from '../policy/reachability-types.ts';
import { connectionRows, reachView, type ReachView } from './rows.ts';

import { csvField } from './inert.ts';

export { csvField };

export function* reachCsvChunks(r: Reachability, view: ReachView = reachView(r)): Generator<string> {
  yield 'src,dst,protocol,ports\n';
  for (const row of connectionRows(r, view)) {
    const src = csvField(row.src);
    const dst = csvField(row.dst);
    for (const p of PROTOCOLS) {
      const ranges = row.allowed[p];
      if (ranges.length === 0) continue;
      yield `${src},${dst},${p},${ranges.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`)).join(';')}\n`;
    }
  }
}

export function formatReachCsv(r: Reachability): string {
  return [...reachCsvChunks(r)].join('');
}
