// Where the items of a `kind: List` document are in its text, found without a parser, so a
// large `kubectl get -A -o yaml` dump can be parsed one item at a time (list-items.ts). This
// is only a proposal: the reader parses the pieces, checks what the parser made of them, and
// reads the file whole when anything is not as proposed here.

export interface ListSplit {
  /** Offset of the `items` key (at column 0 of its own line, nothing but a comment after the colon). */
  keyOffset: number;
  /** Offset where each item's text starts (the start of its `-` line). */
  itemStarts: number[];
  /** Offset just past the last item's text: the start of the first line after the list. */
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
  return { keyOffset, itemStarts, end: end < 0 ? text.length : end };
}
