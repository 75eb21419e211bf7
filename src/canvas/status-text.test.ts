import { describe, expect, it } from 'vitest';
import { edgeStatusHints } from './status-text.ts';

describe('edgeStatusHints', () => {
  it('says nothing when every edge is one pair', () => {
    expect(edgeStatusHints({ aggregated: false, bundled: 0, awaitingSelection: false })).toEqual([]);
  });
  it('counts the connections summarised on the cards, not "grouped per namespace", when some are bundled', () => {
    const [h] = edgeStatusHints({ aggregated: true, bundled: 340, awaitingSelection: false });
    expect(h!.short).toContain('340 connections on the cards');
    expect(h!.full).toContain('summarised on the cards');
    expect(h!.short).not.toContain('grouped');
  });
  it('says grouped per namespace only for grouped edges without bundling', () => {
    const hs = edgeStatusHints({ aggregated: true, bundled: 0, awaitingSelection: false });
    expect(hs.map((h) => h.short)).toEqual(['edges grouped per namespace · select a node for its own']);
  });
  it('keeps each short hint within one status line at 1280 px (~60 characters)', () => {
    const hs = edgeStatusHints({ aggregated: true, bundled: 12345, awaitingSelection: true });
    for (const h of hs) expect(h.short.length).toBeLessThanOrEqual(60);
  });
});
