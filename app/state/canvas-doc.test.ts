import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../../src/model/factory.ts';
import type { Doc } from '../../src/model/types.ts';
import { chooseCanvasDoc } from './canvas-doc.ts';

const evaluated = emptyDoc('d');
const withModelEdit = (d: Doc): Doc => ({ ...d, model: { ...d.model, namespaceDefaults: { x: { denyIngress: true, denyEgress: false, allowDns: false } } } });
const withLayoutEdit = (d: Doc): Doc => ({ ...d, model: { ...d.model }, layout: { ...d.layout, n: { x: 1, y: 2 } } });

describe('the document the canvas draws', () => {
  it('keeps the evaluated design on screen while a model-only edit is evaluated in the worker', () => {
    const live = withModelEdit(evaluated);
    expect(chooseCanvasDoc(evaluated, live, evaluated.model, true)).toBe(evaluated);
  });

  it('draws the edited design once its evaluation has landed', () => {
    const live = withModelEdit(evaluated);
    expect(chooseCanvasDoc(evaluated, live, live.model, false)).toBe(live);
  });

  it('draws at once when nodes move or appear (a layout change), even while evaluating', () => {
    const live = withLayoutEdit(evaluated);
    expect(chooseCanvasDoc(evaluated, live, evaluated.model, true)).toBe(live);
  });

  it('draws the live design when nothing is being evaluated (evaluated in place, or the evaluation failed)', () => {
    const live = withModelEdit(evaluated);
    expect(chooseCanvasDoc(evaluated, live, evaluated.model, false)).toBe(live);
  });

  it('never holds back an unevaluated design: after a layout change the next model edit is drawn at once', () => {
    const moved = withLayoutEdit(evaluated); // drawn while its model waits
    const edited = withModelEdit(moved);
    expect(chooseCanvasDoc(moved, edited, evaluated.model, true)).toBe(edited);
  });

  it('draws the first document there is', () => {
    expect(chooseCanvasDoc(null, evaluated, emptyDoc('other').model, true)).toBe(evaluated);
  });
});
