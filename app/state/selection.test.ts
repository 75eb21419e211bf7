import { describe, expect, it } from 'vitest';
import { connectionOpenPatch, edgeSelectionPatch, nodeSelectionPatch } from './selection.ts';

const explain = { src: 'wl:monitoring/Deployment/prometheus', dst: 'wl:data/StatefulSet/postgres' };

describe('edgeSelectionPatch', () => {
  it('selects the connection alone and opens its explanation in the Explain tab', () => {
    expect(edgeSelectionPatch('e1', explain, ['wl:a'])).toEqual({ selection: ['e1'], explain, rightTab: 'explain' });
  });
  it('adds it to the selection with Ctrl/Cmd (once)', () => {
    expect(edgeSelectionPatch('e1', explain, ['wl:a', 'e1'], true).selection).toEqual(['wl:a', 'e1']);
  });
  it('a connection without an explanation leaves the panels as they are', () => {
    expect(edgeSelectionPatch('e1', undefined)).toEqual({ selection: ['e1'] });
  });
});

describe('nodeSelectionPatch', () => {
  it('after a connection was explained: closes the explanation and shows the Inspector', () => {
    expect(nodeSelectionPatch({ rightTab: 'explain', explain }, ['wl:data/StatefulSet/postgres']))
      .toEqual({ selection: ['wl:data/StatefulSet/postgres'], explain: null, rightTab: 'inspect' });
  });
  it('keeps another open tab (Policies, Comments…) as it is', () => {
    expect(nodeSelectionPatch({ rightTab: 'comments', explain: null }, ['n'])).toEqual({ selection: ['n'] });
    expect(nodeSelectionPatch({ rightTab: 'policies', explain }, ['n'])).toEqual({ selection: ['n'], explain: null });
  });
});

describe('connectionOpenPatch', () => {
  it('a row of the Connections list opens its pair in the Explain tab and leaves the node selected', () => {
    const patch = connectionOpenPatch({ kind: 'explain', ...explain });
    expect(patch).toEqual({ explain, rightTab: 'explain' });
    expect('selection' in patch).toBe(false);
  });
  it('a load-balancer path opens the Paths tab', () => {
    expect(connectionOpenPatch({ kind: 'paths' })).toEqual({ rightTab: 'paths' });
  });
});
