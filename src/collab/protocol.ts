// What a live session's browser and server agree on: room ids, access keys, the documents of a
// room, the authentication token and the reasons the server gives when it refuses something.
// Pure: used by the app (app/collab) and the server (src/server) alike.

/** A room id or access key: 128 random bits as 22 base64url characters (no padding). */
const SECRET = /^[A-Za-z0-9_-]{22}$/;

export const isSecret = (s: unknown): s is string => typeof s === 'string' && SECRET.test(s);

/** Bytes -> base64url without padding (the core has no Buffer). */
export function secretFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== 16) throw new Error('a secret is 16 random bytes');
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += abc[(acc >> bits) & 63];
    }
  }
  if (bits > 0) out += abc[(acc << (6 - bits)) & 63];
  return out;
}

export type Role = 'editor' | 'reviewer';

/**
 * A room holds two shared documents, one per saved scope: the design (editors write, reviewers
 * read) and the review (everyone writes comments and decisions). Presence travels in the
 * design document's awareness.
 */
export type Scope = 'design' | 'review';
export const roomDocName = (room: string, scope: Scope): string => `${room}.${scope}`;

export function parseRoomDocName(name: string): { room: string; scope: Scope } | null {
  const m = /^([A-Za-z0-9_-]{22})\.(design|review)$/.exec(name);
  return m ? { room: m[1] as string, scope: m[2] as Scope } : null;
}

/**
 * The token a client authenticates with. `create` is sent only by the editor who starts the
 * session: the hashes of both keys, so the server can later tell an editor from a reviewer
 * without ever storing a key.
 */
export interface SessionToken {
  role: Role;
  key: string;
  create?: { editorKeyHash: string; reviewerKeyHash: string };
}

const HASH = /^[0-9a-f]{64}$/;

export function encodeToken(t: SessionToken): string {
  return JSON.stringify(t);
}

/** Parses an untrusted token; null when it is not exactly a well-formed SessionToken. */
export function parseToken(text: unknown): SessionToken | null {
  if (typeof text !== 'string' || text.length > 512) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  if (r.role !== 'editor' && r.role !== 'reviewer') return null;
  if (!isSecret(r.key)) return null;
  if (r.create === undefined) return { role: r.role, key: r.key };
  if (r.role !== 'editor' || typeof r.create !== 'object' || r.create === null) return null;
  const c = r.create as Record<string, unknown>;
  if (typeof c.editorKeyHash !== 'string' || !HASH.test(c.editorKeyHash)) return null;
  if (typeof c.reviewerKeyHash !== 'string' || !HASH.test(c.reviewerKeyHash)) return null;
  return { role: 'editor', key: r.key, create: { editorKeyHash: c.editorKeyHash, reviewerKeyHash: c.reviewerKeyHash } };
}

/** Messages the server sends (as Hocuspocus stateless payloads) to tell a client why. */
export type ServerNotice =
  | { type: 'refused'; reason: string }
  | { type: 'role'; role: Role };

export function parseNotice(text: string): ServerNotice | null {
  try {
    const v = JSON.parse(text) as Record<string, unknown>;
    if (v.type === 'refused' && typeof v.reason === 'string') return { type: 'refused', reason: v.reason };
    if (v.type === 'role' && (v.role === 'editor' || v.role === 'reviewer')) return { type: 'role', role: v.role };
  } catch {
    // not ours
  }
  return null;
}

export const REASONS = {
  reviewerWrite: 'Reviewers cannot edit the design in a live session: the change was refused. Comments and decisions are allowed.',
  noRoom: 'This live session does not exist (or has ended). Ask the person who started it for a new link.',
  badToken: 'This live session link is damaged or incomplete.',
  wrongKey: 'This live session link is not valid for this session.',
  roomFull: 'This live session is full.',
  tooLarge: 'The change is larger than this server accepts.',
  tooFast: 'Too many messages: the connection was closed to protect the session.',
  docTooLarge: 'The shared design would exceed the size this server accepts.',
} as const;

/**
 * Where a live session link keeps its parameters: the URL fragment (never sent to a web server),
 * `#live=<room>&key=<key>&role=<role>&server=<ws url>`.
 */
export interface SessionLink {
  room: string;
  key: string;
  role: Role;
  server: string;
}

export function sessionFragment(l: SessionLink): string {
  return `live=${l.room}&role=${l.role}&key=${l.key}&server=${encodeURIComponent(l.server)}`;
}

export function parseSessionFragment(hash: string): SessionLink | null | 'damaged' {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!/(^|&)live=/.test(h)) return null;
  const params = new Map<string, string>();
  for (const part of h.split('&')) {
    const i = part.indexOf('=');
    if (i > 0) params.set(part.slice(0, i), part.slice(i + 1));
  }
  const room = params.get('live');
  const key = params.get('key');
  const role = params.get('role');
  let server: string | undefined;
  try {
    server = decodeURIComponent(params.get('server') ?? '');
  } catch {
    return 'damaged';
  }
  if (!isSecret(room) || !isSecret(key) || (role !== 'editor' && role !== 'reviewer')) return 'damaged';
  if (!/^wss?:\/\/[^\s/]+(\/[^\s]*)?$/.test(server)) return 'damaged';
  return { room, key, role, server };
}
