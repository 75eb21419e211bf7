import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOC_VERSION } from '../model/types.ts';
import { layoutProblems } from '../layout/check.ts';
import { EXAMPLE_NAME, exampleDesign } from './example-design.ts';
import { parseDesignFile, serializeDoc } from './file-format.ts';

const samples = join(import.meta.dirname, '../../public/samples');
const manifests = readFileSync(join(samples, 'example-shop.yaml'), 'utf8');
const file = readFileSync(join(samples, 'example-shop.netpol.json'), 'utf8');

describe('the example design file (public/samples/example-shop.netpol.json)', () => {
  const parsed = parseDesignFile(file);

  it('is a current-version design file that opens without corrections', () => {
    expect(JSON.parse(file).version).toBe(DOC_VERSION);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.warnings).toEqual([]);
    expect(parsed.doc.name).toBe(EXAMPLE_NAME);
  });

  it('holds exactly the design of example-shop.yaml plus the Internet (else: npm run example:design)', () => {
    if (!parsed.ok) throw new Error(parsed.error);
    expect(serializeDoc(exampleDesign(manifests, parsed.doc.layout))).toBe(file);
    expect(Object.keys(parsed.doc.model.workloads)).toHaveLength(6);
    expect(Object.values(parsed.doc.model.externals).map((e) => e.name)).toEqual(['Internet']);
  });

  it('places every node, inside its namespace, none overlapping another', () => {
    if (!parsed.ok) throw new Error(parsed.error);
    expect(layoutProblems(parsed.doc, parsed.doc.layout)).toEqual([]);
  });

  it('keeps a wide gap between shop and data for the labels of the edges between them', () => {
    if (!parsed.ok) throw new Error(parsed.error);
    const { layout } = parsed.doc;
    const shop = layout['ns:shop']!;
    const data = layout['ns:data']!;
    expect(data.x - (shop.x + (shop.w ?? 0))).toBeGreaterThanOrEqual(240);
  });
});
