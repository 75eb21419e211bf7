// Where the items of a `kind: List` document are in its text, found without a parser, so a
// large `kubectl get -A -o yaml` (or `-o json`) dump can be parsed one item at a time
// (list-items.ts). This is only a proposal: the reader parses the pieces, checks what the
// parser made of them, and reads the file whole when anything is not as proposed here.

export interface ListSplit {
  /** JSON (a flow mapping) rather than a YAML block mapping. */
  flow: boolean;
  /** Offset of the `items` key: at column 0 of its own line in YAML, its opening quote in JSON. */
  keyOffset: number;
  /** Offset where each item's text starts: the start of its `-` line (YAML), its `{` (JSON). */
  itemStarts: number[];
  /** Offset just past each item's text: the next item's start or the end (YAML), past its `}` (JSON). */
  itemEnds: number[];
  /** Offset just past the last item's text: the start of the first line after the list (YAML). */
  end: number;
}

const ITEMS_KEY = /^items:[ \t]*(#.*)?\r?$/;
const SPACE = 32;
const TAB = 9;
const DASH = 45;
const HASH = 35;
const CR = 13;

/**
 * The items of a block sequence under a top-level `items:` key, written the way kubectl and
 * YAML emitters write them: each entry a line at the sequence's indentation starting `- `
 * (or a lone `-`), everything else of the entry indented deeper. Blank and comment lines
 * belong to the entry before them. Undefined when there is no such list, or on anything that
 * could make this reading wrong: a tab in an indentation or after an entry's dash, a
 * directive, a document marker after the start.
 */
export function splitListText(text: string): ListSplit | undefined {
  let keyOffset = -1;
  let indent = -1;
  const itemStarts: number[] = [];
  let end = -1;
  for (let start = 0; start < text.length; ) {
    const nl = text.indexOf('\n', start);
    const lineEnd = nl < 0 ? text.length : nl;
    const c0 = text.charCodeAt(start);
    if (c0 === 37) return undefined; // %YAML / %TAG directive: a new document
    if (start > 0 && (text.startsWith('---', start) || text.startsWith('...', start))) {
      const c3 = text.charCodeAt(start + 3);
      if (start + 3 >= lineEnd || c3 === SPACE || c3 === TAB || c3 === CR) return undefined;
    }
    let n = start;
    while (text.charCodeAt(n) === SPACE) n++;
    const c = n < lineEnd ? text.charCodeAt(n) : CR;
    if (c === TAB) return undefined;
    const neutral = c === CR || c === HASH; // blank or comment
    if (!neutral && end < 0) {
      const col = n - start;
      const after = text.charCodeAt(n + 1);
      const entry = c === DASH && (n + 1 >= lineEnd || after === SPACE || after === CR);
      if (c === DASH && after === TAB) return undefined;
      if (keyOffset < 0) {
        if (col === 0 && text.startsWith('items:', start) && ITEMS_KEY.test(text.slice(start, lineEnd))) keyOffset = start;
      } else if (indent < 0) {
        if (!entry) return undefined; // `items:` with no block sequence under it
        indent = col;
        itemStarts.push(start);
      } else if (col === indent && entry) itemStarts.push(start);
      else if (col <= indent) end = start;
    }
    start = nl < 0 ? text.length : nl + 1;
  }
  if (itemStarts.length === 0) return undefined;
  const last = end < 0 ? text.length : end;
  return { flow: false, keyOffset, itemStarts, itemEnds: itemStarts.map((_, i) => itemStarts[i + 1] ?? last), end: last };
}

const LITERAL = /[-+.0-9a-zA-Z]/;

/**
 * The objects of the top-level `"items": [...]` array of a JSON document, as kubectl writes
 * it. The text must be plain JSON in its tokens (strings, numbers, true/false/null, brackets):
 * anything YAML adds (comments, single quotes, tabs, which YAML reads differently) proposes
 * nothing, and so does an item that is not an object.
 */
export function splitJsonListText(text: string): ListSplit | undefined {
  let keyOffset = -1;
  const itemStarts: number[] = [];
  const itemEnds: number[] = [];
  let depth = 0;
  let closed = false; // the root object has ended
  let inItems = false; // inside the items array (at depth 2)
  let awaiting = false; // an item comes next
  let pendingKey = -1; // `"items"` seen at depth 1, waiting for `:` and `[`
  let colon = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === 10 || c === CR) continue;
    if (closed) return undefined; // something after the root object
    const ch = text[i];
    if (pendingKey >= 0 && !(colon ? ch === '[' : ch === ':')) pendingKey = -1;
    if (ch === '"') {
      let j = i + 1;
      for (; j < text.length && text.charCodeAt(j) !== 34; j++) if (text.charCodeAt(j) === 92) j++;
      if (j >= text.length) return undefined;
      if (inItems && depth === 2 && awaiting) return undefined; // an item that is not an object
      if (depth === 1 && keyOffset < 0 && text.startsWith('"items"', i) && j === i + 6) pendingKey = i;
      colon = false;
      i = j;
      continue;
    }
    if (ch === ':') {
      if (pendingKey >= 0) colon = true;
      continue;
    }
    if (ch === '{' || ch === '[') {
      if (depth === 0 && ch !== '{') return undefined;
      if (inItems && depth === 2) {
        if (!awaiting || ch !== '{') return undefined;
        itemStarts.push(i);
        awaiting = false;
      }
      if (pendingKey >= 0 && colon) {
        keyOffset = pendingKey;
        pendingKey = -1;
        inItems = true;
        awaiting = true;
      }
      depth += 1;
      continue;
    }
    if (ch === '}' || ch === ']') {
      depth -= 1;
      if (depth < 0) return undefined;
      if (inItems && depth === 2) itemEnds.push(i + 1);
      else if (inItems && depth === 1) {
        if (ch !== ']' || (awaiting && itemStarts.length > 0)) return undefined;
        inItems = false;
        awaiting = false;
      }
      if (depth === 0) closed = true;
      continue;
    }
    if (ch === ',') {
      if (inItems && depth === 2) {
        if (awaiting) return undefined;
        awaiting = true;
      }
      continue;
    }
    if (!LITERAL.test(ch) || depth === 0) return undefined;
    if (inItems && depth === 2 && awaiting) return undefined;
  }
  if (!closed || itemStarts.length === 0 || itemStarts.length !== itemEnds.length) return undefined;
  return { flow: true, keyOffset, itemStarts, itemEnds, end: itemEnds[itemEnds.length - 1] };
}
