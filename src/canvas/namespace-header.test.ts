import { describe, expect, it } from 'vitest';
import { fitHeaderWidth, HEADER_MAX_W, namespaceHeaderWidth } from './namespace-header.ts';
import { namespaceRect } from './geometry.ts';
import { MIN_NAMESPACE_SIZE } from '../layout/sizes.ts';
import type { Doc } from '../model/types.ts';

function docWith(name: string, deny = false): Doc {
  return {
    version: 1, name: 't',
    model: {
      namespaces: { ns: { id: 'ns', name, labels: {} } }, workloads: {}, services: {}, policies: {}, externals: {}, intents: {},
      namespaceDefaults: deny ? { ns: { denyIngress: true, denyEgress: true } } : {},
    },
    layout: { ns: { x: 10, y: 20, w: MIN_NAMESPACE_SIZE.w, h: MIN_NAMESPACE_SIZE.h } },
  } as unknown as Doc;
}

describe('namespace header width', () => {
  it('needs more room for a longer name and for a default-deny badge', () => {
    const none = { ingress: false, egress: false };
    expect(namespaceHeaderWidth('monitoring-and-alerts', none)).toBeGreaterThan(namespaceHeaderWidth('data', none));
    expect(namespaceHeaderWidth('data', { ingress: true, egress: true })).toBeGreaterThan(namespaceHeaderWidth('data', none) + 100);
  });

  it('keeps a short namespace at its layout width and grows one whose header would be cut', () => {
    expect(fitHeaderWidth(docWith('data'), 'ns', MIN_NAMESPACE_SIZE.w)).toBe(MIN_NAMESPACE_SIZE.w);
    const grown = fitHeaderWidth(docWith('payments', true), 'ns', MIN_NAMESPACE_SIZE.w);
    expect(grown).toBeGreaterThan(MIN_NAMESPACE_SIZE.w);
    expect(grown).toBe(namespaceHeaderWidth('payments', { ingress: true, egress: true }));
    // Where the canvas draws it (and where drops land) follows.
    expect(namespaceRect(docWith('payments', true), 'ns')).toEqual({ x: 10, y: 20, w: grown, h: MIN_NAMESPACE_SIZE.h });
  });

  it('stops growing at HEADER_MAX_W: a genuinely long name ends in an ellipsis', () => {
    expect(fitHeaderWidth(docWith('x'.repeat(200), true), 'ns', MIN_NAMESPACE_SIZE.w)).toBe(HEADER_MAX_W);
    expect(fitHeaderWidth(docWith('x'.repeat(200)), 'ns', 900)).toBe(900);
  });
});
