// Share links: the design in the URL fragment, `#d=<version>.<payload>`, payload = base64url of
// the deflated JSON of {name, model, layout, review} (review since format 2). A fragment is never sent to a server, so the
// design stays between the people who share the link.

import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { DOC_VERSION } from '../model/types.ts';
import type { Doc, Review } from '../model/types.ts';
import { restoreDoc } from '../doc/restore.ts';
import { base64urlToBytes, bytesToBase64url } from './base64url.ts';

/**
 * Longest fragment we produce. Browsers accept far longer URLs (Chromium about 2 MB), but chat
 * tools, mail clients and issue trackers truncate or refuse links somewhere in the tens of
 * thousands of characters, and a silently truncated link cannot be opened. Bigger designs should
 * be shared as a file or as YAML.
 */
export const SHARE_FRAGMENT_LIMIT = 60_000;

const PARAM = 'd';

/**
 * Most bytes a link may unpack to. A real design of SHARE_FRAGMENT_LIMIT characters unpacks to a
 * few MB at most; deflate can expand ~1000x, so without a cap a 200 KB link could ask for
 * 150 MB of memory and seconds of work before anything could say no.
 */
export const SHARE_INFLATED_LIMIT = 16 * 1024 * 1024;

/** Input slice fed to the inflater at a time: bounds what one push can produce (~1000x). */
const INFLATE_SLICE = 4096;

type Inflated = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'corrupt' | 'too-large' };

/** Streaming inflate that stops as soon as the output passes `limit` bytes. */
export function inflateCapped(data: Uint8Array, limit: number): Inflated {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > limit) { tooLarge = true; return; }
    chunks.push(chunk);
    if (final) done = true;
  });
  try {
    for (let at = 0; at < data.length && !tooLarge; at += INFLATE_SLICE) {
      const end = Math.min(data.length, at + INFLATE_SLICE);
      inflater.push(data.subarray(at, end), end === data.length);
    }
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  if (tooLarge) return { ok: false, reason: 'too-large' };
  if (!done) return { ok: false, reason: 'corrupt' };
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) { out.set(c, o); o += c.length; }
  return { ok: true, bytes: out };
}

export type EncodeResult =
  | { ok: true; fragment: string; bytes: number }
  | { ok: false; reason: 'too-large'; bytes: number; limit: number };

export type DecodeResult = { ok: true; doc: Doc; review: Review; warnings: string[] } | { ok: false; error: string };

/**
 * The fragment (without `#`) for a design and its review (comments, versions, decisions travel
 * with the link); `bytes` is the fragment's length in characters.
 */
export function encodeShare(doc: Doc, review?: Review): EncodeResult {
  const json = JSON.stringify({ name: doc.name, model: doc.model, layout: doc.layout, ...(review ? { review } : {}) });
  const packed = deflateSync(strToU8(json), { level: 9 });
  const fragment = `${PARAM}=${DOC_VERSION}.${bytesToBase64url(packed)}`;
  if (fragment.length > SHARE_FRAGMENT_LIMIT) {
    return { ok: false, reason: 'too-large', bytes: fragment.length, limit: SHARE_FRAGMENT_LIMIT };
  }
  return { ok: true, fragment, bytes: fragment.length };
}

/** Finds the `d=` value in a fragment, a `#fragment` or a whole URL. */
function shareParam(input: string): string | undefined {
  const hash = input.includes('#') ? input.slice(input.indexOf('#') + 1) : input;
  for (const part of hash.split('&')) {
    if (part.startsWith(`${PARAM}=`)) return part.slice(PARAM.length + 1);
  }
  return undefined;
}

export function decodeShare(fragment: string): DecodeResult {
  const value = shareParam(fragment.trim());
  if (value === undefined) return { ok: false, error: 'not a NetPol Designer share link: no "d=" in the link' };
  const m = /^(\d+)\.(.*)$/s.exec(value);
  if (!m) return { ok: false, error: 'not a NetPol Designer share link: expected d=<version>.<data>' };
  const version = Number(m[1]);
  if (version > DOC_VERSION) {
    return { ok: false, error: `this link was made by a newer NetPol Designer (format ${version}); this version reads up to ${DOC_VERSION}. Update NetPol Designer to open it.` };
  }
  // A link far beyond anything we produce is not ours (and would be costly to inflate).
  if (value.length > 4 * SHARE_FRAGMENT_LIMIT) return { ok: false, error: 'the link is too long to be a NetPol Designer share link' };
  const bytes = base64urlToBytes(m[2] as string);
  if (!bytes || bytes.length === 0) return { ok: false, error: 'the link is damaged or incomplete: its data is not valid base64url (was it cut off or edited?)' };
  const inflated = inflateCapped(bytes, SHARE_INFLATED_LIMIT);
  if (!inflated.ok && inflated.reason === 'too-large') {
    return { ok: false, error: `the link unpacks to more than ${SHARE_INFLATED_LIMIT / (1024 * 1024)} MB, far more than any design a link can carry; it was not opened` };
  }
  if (!inflated.ok) return { ok: false, error: 'the link is damaged or incomplete: its data does not decompress (was it cut off when copied?)' };
  const json = strFromU8(inflated.bytes);
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, error: 'the link is damaged or incomplete: its data is not a design' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, error: 'the link is damaged: its data is not a design' };
  const restored = restoreDoc({ ...(raw as Record<string, unknown>), version });
  if (!restored.ok) return { ok: false, error: `the link's design cannot be opened: ${restored.error}` };
  return restored;
}
