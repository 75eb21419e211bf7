// The documents of a YAML stream (`---`-separated manifests, `helm template` or kustomize
// output) read one at a time, so the parser's events exist for one document at once and none
// are kept; a document's line numbers come from parsing its text again when asked.

import { constructFromEvents, parseEvents, EVENT_ID } from 'js-yaml';
import type { Event } from 'js-yaml';
import { KUBECTL_SCHEMA, firstOffset } from './yaml-events.ts';

export interface Chunk { text: string; offset: number }

/** Splits at `---` document markers at column 0 (they always start a new document in YAML). */
export function splitDocuments(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  let start = 0;
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    if (m.index > start || m.index > 0) {
      chunks.push({ text: text.slice(start, m.index), offset: start });
    }
    start = m.index;
    marker.lastIndex = m.index + 3;
  }
  chunks.push({ text: text.slice(start), offset: start });
  // The part before the first marker is a document only if it holds something.
  return chunks.filter((c, i) => i > 0 || c.text.startsWith('---') || hasContent(c.text));
}

function hasContent(text: string): boolean {
  return text.split(/\r?\n/).some((l) => l.trim() !== '' && !l.trim().startsWith('#') && !l.startsWith('%'));
}

export function splitEventsByDocument(events: Event[]): Event[][] {
  const docs: Event[][] = [];
  let current: Event[] | undefined;
  let depth = 0;
  for (const e of events) {
    if (e.type === EVENT_ID.DOCUMENT && depth === 0) {
      current = [e];
      docs.push(current);
      depth = 1;
      continue;
    }
    current?.push(e);
    if (e.type === EVENT_ID.SEQUENCE || e.type === EVENT_ID.MAPPING) depth += 1;
    else if (e.type === EVENT_ID.POP) depth -= 1;
  }
  return docs;
}

export interface StreamReadOptions {
  filename: string;
  maxDepth: number;
  maxAliases: number;
}

export interface StreamDocument {
  chunk: Chunk;
  value: unknown;
  /** Offset of the document's first node in the file. */
  start: number | undefined;
  /** The document has no aliases, so no node of the value is reachable twice. */
  tree: boolean;
  /** The document's events (offsets in `chunk.text`), parsed again. */
  events(): Event[];
}

function parseChunk(chunk: Chunk, opts: StreamReadOptions): { events: Event[]; value: unknown } | undefined {
  try {
    const events = parseEvents(chunk.text, { filename: opts.filename, maxDepth: opts.maxDepth });
    if (splitEventsByDocument(events).length !== 1) return undefined;
    const values = constructFromEvents(events, { source: chunk.text, filename: opts.filename, schema: KUBECTL_SCHEMA, maxAliases: opts.maxAliases });
    return values.length === 1 ? { events, value: values[0] } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Each `---` document of a stream parsed on its own: what parsing the stream whole gives, as
 * YAML documents are independent — except through directives (`%TAG` applies to the next
 * document), `...` end markers, and the merge-key limit per load, so a stream with any of
 * those, a single document, or a document that does not parse is left to the caller's
 * whole-stream reading (undefined).
 */
export function readStreamDocuments(text: string, opts: StreamReadOptions): StreamDocument[] | undefined {
  if (/^(%|\.\.\.(?=[ \t\r\n]|$))/m.test(text)) return undefined;
  if (text.includes('<<') || text.includes('!!merge') || text.includes('2002:merge')) return undefined;
  const chunks = splitDocuments(text);
  if (chunks.length < 2) return undefined;
  const docs: StreamDocument[] = [];
  for (const chunk of chunks) {
    const p = parseChunk(chunk, opts);
    if (!p) return undefined;
    const start = firstOffset(p.events);
    docs.push({
      chunk,
      value: p.value,
      start: start === undefined ? undefined : chunk.offset + start,
      tree: !p.events.some((e) => e.type === EVENT_ID.ALIAS),
      events: () => {
        const again = parseChunk(chunk, opts);
        if (!again) throw new Error(`document at offset ${chunk.offset} no longer parses`); // the same text parsed before
        return again.events;
      },
    });
  }
  return docs;
}
