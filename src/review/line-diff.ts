// Line diff (Myers' O((N+M)D) shortest edit script) and its two presentations: aligned rows
// for a side-by-side view and unified text for copying into a pull request.

export type LineOp = '=' | '-' | '+';

/** Beyond this many edits the middle of the texts is shown as replaced wholesale: the trace
 * memory grows with D squared, and a diff that large is not read line by line anyway. */
const MAX_EDITS = 4000;

function intern(a: readonly string[], b: readonly string[]): [number[], number[]] {
  const ids = new Map<string, number>();
  const id = (s: string) => {
    let k = ids.get(s);
    if (k === undefined) ids.set(s, (k = ids.size));
    return k;
  };
  return [a.map(id), b.map(id)];
}

function shortestEdit(a: number[], b: number[]): LineOp[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  if (max === 0) return [];
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v as it was before round d, for diagonals -d-1 .. d+1.
  const trace: Int32Array[] = [];
  let found = -1;
  outer: for (let d = 0; d <= max; d++) {
    if (d > MAX_EDITS) break;
    trace.push(v.slice(off - d - 1, off + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break outer;
      }
    }
  }
  if (found < 0) return [...a.map((): LineOp => '-'), ...b.map((): LineOp => '+')];

  const ops: LineOp[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const saved = trace[d];
    const at = (k: number) => saved[k + d + 1];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push('=');
      x--;
      y--;
    }
    ops.push(x === prevX ? '+' : '-');
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    ops.push('=');
    x--;
    y--;
  }
  return ops.reverse();
}

/** The edit script turning `a` into `b`: '=' keeps a line, '-' drops one of a, '+' adds one of b. */
export function diffLines(a: readonly string[], b: readonly string[]): LineOp[] {
  // Common prefix and suffix are cheap to strip and make typical edits (one policy changed in
  // a long manifest) almost free.
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const [ia, ib] = intern(a.slice(pre, a.length - suf), b.slice(pre, b.length - suf));
  const same = (count: number): LineOp[] => new Array<LineOp>(count).fill('=');
  return [...same(pre), ...shortestEdit(ia, ib), ...same(suf)];
}

export interface DiffLine {
  /** 1-based line number in its text. */
  n: number;
  text: string;
}

export type DiffRowKind = 'same' | 'added' | 'removed' | 'changed';

export interface DiffRow {
  left?: DiffLine;
  right?: DiffLine;
  kind: DiffRowKind;
}

/**
 * Rows for a side-by-side view. A run of removed lines followed by added lines is paired up
 * as 'changed' rows, so an edited line sits next to its new version.
 */
export function sideBySideRows(
  a: readonly string[],
  b: readonly string[],
  ops: readonly LineOp[] = diffLines(a, b),
  firstLine: { left: number; right: number } = { left: 1, right: 1 },
): DiffRow[] {
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  let p = 0;
  const L = (k: number): DiffLine => ({ n: firstLine.left + k, text: a[k] });
  const R = (k: number): DiffLine => ({ n: firstLine.right + k, text: b[k] });
  while (p < ops.length) {
    if (ops[p] === '=') {
      rows.push({ kind: 'same', left: L(i++), right: R(j++) });
      p++;
      continue;
    }
    const dels: number[] = [];
    const adds: number[] = [];
    while (p < ops.length && ops[p] !== '=') {
      if (ops[p] === '-') dels.push(i++);
      else adds.push(j++);
      p++;
    }
    const paired = Math.min(dels.length, adds.length);
    for (let k = 0; k < paired; k++) rows.push({ kind: 'changed', left: L(dels[k]), right: R(adds[k]) });
    for (let k = paired; k < dels.length; k++) rows.push({ kind: 'removed', left: L(dels[k]) });
    for (let k = paired; k < adds.length; k++) rows.push({ kind: 'added', right: R(adds[k]) });
  }
  return rows;
}

function hunkRange(start: number, count: number): string {
  // Unified diff convention: an empty range names the line before it.
  return count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`;
}

/** Unified diff text (`---`/`+++` headers, `@@` hunks, `context` lines around changes). */
export function unifiedDiff(
  a: readonly string[],
  b: readonly string[],
  labels: { left: string; right: string } = { left: 'base', right: 'new' },
  context = 3,
  ops: readonly LineOp[] = diffLines(a, b),
): string {
  if (!ops.some((o) => o !== '=')) return '';
  // Position of every op in both texts.
  const pos: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  for (const o of ops) {
    pos.push([i, j]);
    if (o !== '+') i++;
    if (o !== '-') j++;
  }
  const out = [`--- ${labels.left}`, `+++ ${labels.right}`];
  let p = 0;
  while (p < ops.length) {
    while (p < ops.length && ops[p] === '=') p++;
    if (p >= ops.length) break;
    const start = Math.max(0, p - context);
    let end = p;
    // Extend the hunk while the next change is within 2*context unchanged lines.
    for (;;) {
      while (end < ops.length && ops[end] !== '=') end++;
      let q = end;
      while (q < ops.length && ops[q] === '=') q++;
      if (q < ops.length && q - end <= 2 * context) end = q;
      else break;
    }
    const stop = Math.min(ops.length, end + context);
    let la = 0;
    let lb = 0;
    const body: string[] = [];
    for (let k = start; k < stop; k++) {
      const [x, y] = pos[k];
      if (ops[k] === '=') {
        body.push(` ${a[x]}`);
        la++;
        lb++;
      } else if (ops[k] === '-') {
        body.push(`-${a[x]}`);
        la++;
      } else {
        body.push(`+${b[y]}`);
        lb++;
      }
    }
    out.push(`@@ -${hunkRange(pos[start][0] + 1, la)} +${hunkRange(pos[start][1] + 1, lb)} @@`, ...body);
    p = stop;
  }
  return out.join('\n') + '\n';
}
