// Issue 8: a share link is limited by what it unpacks to, not only by its length.
import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { DOC_VERSION } from '../model/types.ts';
import { emptyDoc } from '../model/factory.ts';
import { bytesToBase64url } from './base64url.ts';
import { decodeShare, encodeShare, inflateCapped, SHARE_FRAGMENT_LIMIT, SHARE_INFLATED_LIMIT } from './codec.ts';

const link = (json: string) => `d=${DOC_VERSION}.${bytesToBase64url(deflateSync(strToU8(json), { level: 9 }))}`;

describe('share link limits', () => {
  it('refuses a short link that would unpack to more than the inflated limit, with a clear message', () => {
    const bomb = link(`{"name": "${' '.repeat(SHARE_INFLATED_LIMIT + 1024)}"}`);
    expect(bomb.length).toBeLessThan(SHARE_FRAGMENT_LIMIT);
    expect(decodeShare(bomb)).toEqual({
      ok: false, error: 'the link unpacks to more than 16 MB, far more than any design a link can carry; it was not opened',
    });
  });

  it('inflates within the cap exactly and reports damage', () => {
    const data = strToU8('x'.repeat(100_000));
    const packed = deflateSync(data);
    const r = inflateCapped(packed, 200_000);
    expect(r.ok && r.bytes.length).toBe(100_000);
    expect(inflateCapped(packed, 99_999)).toEqual({ ok: false, reason: 'too-large' });
    expect(inflateCapped(packed.subarray(0, packed.length - 3), 200_000)).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('a link with an invalid cluster CIDR opens with a warning, the CIDR dropped', () => {
    const doc = emptyDoc('x');
    doc.model.cluster.podCidrs = ['10.244.0.0/16', '10.0.0.0/40'];
    const enc = encodeShare(doc);
    if (!enc.ok) throw new Error('too large');
    const r = decodeShare(enc.fragment);
    expect(r.ok && r.doc.model.cluster.podCidrs).toEqual(['10.244.0.0/16']);
    expect(r.ok && r.warnings).toContain("cluster.podCidrs[1]: '10.0.0.0/40' is not a valid CIDR: prefix length must be 0-32; dropped");
  });
});
