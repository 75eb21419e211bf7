// Validate and normalise the review scope of an untrusted document (comments, versions,
// decisions). A damaged entry is dropped with a warning naming it; the design itself is never
// affected by anything here. Versions' snapshot models go through the design restorer
// (passed in by restore.ts, so this module does not import it back).

import type {
  ChangeDecision, CommentMessage, CommentTarget, CommentThread, DesignVersion, Id, Model, Review, Verdict,
} from '../model/types.ts';
import { isRecord, keyPath, show, UNSAFE_KEYS } from './restore-values.ts';

export type ModelRestorer = (raw: unknown) => { ok: true; model: Model; warnings: string[] } | { ok: false; error: string };

const VERDICTS: readonly Verdict[] = ['approved', 'needs-work'];

const text = (v: unknown): v is string => typeof v === 'string';

function restoreTarget(v: unknown): CommentTarget | undefined {
  if (!isRecord(v)) return undefined;
  switch (v.kind) {
    case 'design':
      return { kind: 'design' };
    case 'node':
      return text(v.id) ? { kind: 'node', id: v.id } : undefined;
    case 'policy':
      return text(v.id) ? { kind: 'policy', id: v.id } : undefined;
    case 'edge':
      return text(v.src) && text(v.dst) ? { kind: 'edge', src: v.src, dst: v.dst } : undefined;
    default:
      return undefined;
  }
}

function restoreMessage(v: unknown): CommentMessage | undefined {
  if (!isRecord(v) || !text(v.id) || !text(v.author) || !text(v.at) || !text(v.text)) return undefined;
  return { id: v.id, author: v.author, at: v.at, text: v.text };
}

/** Walks a record of entries, dropping (with a warning) the ones `each` cannot restore. */
function entries<T>(raw: unknown, path: string, warnings: string[], each: (v: unknown, id: string, p: string) => T | string): Record<string, T> {
  const out: Record<string, T> = {};
  if (raw === undefined) return out;
  if (!isRecord(raw)) {
    warnings.push(`${path}: expected a map of id to object, got ${show(raw)}; using none`);
    return out;
  }
  for (const [id, v] of Object.entries(raw)) {
    const p = keyPath(path, id);
    if (UNSAFE_KEYS.has(id)) {
      warnings.push(`${p}: reserved key; dropped`);
      continue;
    }
    const r = each(v, id, p);
    if (typeof r === 'string') warnings.push(`${p}: ${r}; dropped`);
    else out[id] = r;
  }
  return out;
}

function restoreThread(v: unknown, id: Id): CommentThread | string {
  if (!isRecord(v)) return `expected a comment thread, got ${show(v)}`;
  const target = restoreTarget(v.target);
  if (!target) return 'target: not a design, node, edge or policy';
  if (!Array.isArray(v.messages)) return 'messages: expected a list';
  const messages = v.messages.map(restoreMessage).filter((m): m is CommentMessage => m !== undefined);
  if (messages.length === 0) return 'messages: no readable message';
  return { id, target, resolved: v.resolved === true, messages };
}

function restoreVersionEntry(v: unknown, id: Id, p: string, restoreModel: ModelRestorer, warnings: string[]): DesignVersion | string {
  if (!isRecord(v)) return `expected a version, got ${show(v)}`;
  if (!text(v.name) || !text(v.at)) return 'name and at: expected text';
  const m = restoreModel(v.model);
  if (!m.ok) return `model: ${m.error}`;
  warnings.push(...m.warnings.map((w) => `${p}.model.${w}`));
  return { id, name: v.name, at: v.at, model: m.model };
}

function restoreDecision(v: unknown): ChangeDecision | string {
  if (!isRecord(v)) return `expected a decision, got ${show(v)}`;
  if (!text(v.changeKey) || !text(v.by) || !text(v.at)) return 'changeKey, by and at: expected text';
  if (!VERDICTS.includes(v.verdict as Verdict)) return `verdict: expected 'approved' or 'needs-work', got ${show(v.verdict)}`;
  return { changeKey: v.changeKey, changeTitle: text(v.changeTitle) ? v.changeTitle : v.changeKey, by: v.by, verdict: v.verdict as Verdict, at: v.at };
}

/** The review scope of a (migrated) raw document; absent or damaged parts become empty. */
export function restoreReview(raw: unknown, restoreModel: ModelRestorer, warnings: string[]): Review {
  if (raw === undefined) return { comments: {}, versions: {}, decisions: {} };
  if (!isRecord(raw)) {
    warnings.push(`review: expected an object, got ${show(raw)}; using none`);
    return { comments: {}, versions: {}, decisions: {} };
  }
  return {
    comments: entries(raw.comments, 'review.comments', warnings, (v, id) => restoreThread(v, id)),
    versions: entries(raw.versions, 'review.versions', warnings, (v, id, p) => restoreVersionEntry(v, id, p, restoreModel, warnings)),
    decisions: entries(raw.decisions, 'review.decisions', warnings, (v) => restoreDecision(v)),
  };
}
