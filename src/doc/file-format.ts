// The saved design file: `{ "format": "netpol-designer", "version": N, "doc": Doc & { review } }`:
// both saved scopes, the design (`name`, `model`, `layout`) and its review (`review`).
// Keys are written in a fixed order (sorted, except the envelope and the doc's own top level),
// so saving the same design twice gives identical bytes and diffs of saved files stay small.

import { DOC_VERSION } from '../model/types.ts';
import type { Doc, Review } from '../model/types.ts';
import { emptyDoc } from '../model/factory.ts';
import { newerVersionMessage } from './migrate.ts';
import { isRecord, show } from './restore-values.ts';
import { restoreDoc } from './restore.ts';

export const FILE_FORMAT = 'netpol-designer';
/** Suggested file name extension for saved designs. */
export const FILE_EXTENSION = '.netpol.json';

export type ParseResult = { ok: true; doc: Doc; review: Review; warnings: string[] } | { ok: false; error: string };

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!isRecord(v)) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) if (v[k] !== undefined) out[k] = sortKeys(v[k]);
  return out;
}

/**
 * Pretty JSON of the design file for `doc` and its review, byte-for-byte deterministic. Without
 * a review (the design-scope autosave) the file holds the design only and reads back with an
 * empty review.
 */
export function serializeDoc(doc: Doc, review?: Review): string {
  const { version: _ignored, name, model, layout, ...rest } = doc;
  const file = {
    format: FILE_FORMAT,
    version: DOC_VERSION,
    doc: {
      version: DOC_VERSION, name, model: sortKeys(model), layout: sortKeys(layout),
      ...(review ? { review: sortKeys(review) } : {}), ...(sortKeys(rest) as object),
    },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * The same design file without sorting keys or indenting, for the autosave: it reads back to
 * the same design (parseDesignFile) in a fraction of the time on a large design, and nobody
 * diffs it.
 */
export function serializeDocCompact(doc: Doc): string {
  const { version: _ignored, name, model, layout, ...rest } = doc;
  return JSON.stringify({ format: FILE_FORMAT, version: DOC_VERSION, doc: { version: DOC_VERSION, name, model, layout, ...rest } });
}

/**
 * Reads a saved design. Also accepts the autosave shape `{version, doc}` and a bare Doc, so
 * any JSON this app ever wrote can be opened from a file.
 */
export function parseDesignFile(text: string): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not a NetPol Designer file: the JSON does not parse (${e instanceof Error ? e.message : String(e)})` };
  }
  return restoreStored(raw);
}

/** Restores any stored shape: the file envelope, `{version, doc}` (autosave) or a bare Doc. */
export function restoreStored(raw: unknown): ParseResult {
  if (!isRecord(raw)) return { ok: false, error: `not a NetPol Designer file: expected a JSON object, got ${show(raw)}` };
  if (raw.format !== undefined && raw.format !== FILE_FORMAT) {
    return { ok: false, error: `not a NetPol Designer file (format ${show(raw.format)}, expected '${FILE_FORMAT}')` };
  }
  if (raw.doc === undefined) {
    if (raw.format !== undefined) return { ok: false, error: 'doc: missing; the file holds no design' };
    if (raw.model === undefined) {
      const hint = typeof raw.apiVersion === 'string' ? ' (this looks like a Kubernetes manifest: use Import instead)' : '';
      return { ok: false, error: `not a NetPol Designer file: no design found${hint}` };
    }
    return restoreDoc(raw);
  }
  if (typeof raw.version === 'number' && raw.version > DOC_VERSION) {
    return { ok: false, error: newerVersionMessage(raw.version) };
  }
  if (!isRecord(raw.doc)) return { ok: false, error: `doc: expected an object, got ${show(raw.doc)}` };
  // The envelope's version wins when the inner doc lacks one (older autosaves).
  const inner = raw.doc.version === undefined && typeof raw.version === 'number' ? { ...raw.doc, version: raw.version } : raw.doc;
  return restoreDoc(inner);
}

// ---------------------------------------------------------------- the review scope on its own

/** The review-scope autosave: `{ "format": "netpol-designer-review", "version": N, "review": Review }`. */
export const REVIEW_FILE_FORMAT = 'netpol-designer-review';

export type ReviewParseResult = { ok: true; review: Review; warnings: string[] } | { ok: false; error: string };

export function serializeReview(review: Review): string {
  return `${JSON.stringify({ format: REVIEW_FILE_FORMAT, version: DOC_VERSION, review: sortKeys(review) })}\n`;
}

/** Reads a review-scope file through the same restore path as a design (untrusted input). */
export function parseReviewFile(text: string): ReviewParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `the saved review does not parse (${e instanceof Error ? e.message : String(e)})` };
  }
  if (!isRecord(raw) || raw.format !== REVIEW_FILE_FORMAT) return { ok: false, error: 'not a saved NetPol Designer review' };
  if (typeof raw.version === 'number' && raw.version > DOC_VERSION) return { ok: false, error: newerVersionMessage(raw.version) };
  const empty = emptyDoc();
  const r = restoreDoc({ version: DOC_VERSION, name: empty.name, model: empty.model, layout: {}, review: raw.review });
  return r.ok ? { ok: true, review: r.review, warnings: r.warnings } : r;
}
