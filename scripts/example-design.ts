// npm run example:design [-- LAYOUT.json]: rewrites public/samples/example-shop.netpol.json, the
// design `npm start` opens, from the shop's manifests (public/samples/example-shop.yaml). The
// layout is kept from the file as it is (or taken from LAYOUT.json: a design file, or a bare
// layout object), so after editing the manifests run this; to move nodes, open the example, move
// them, File -> Save design file, and run this with that file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Layout } from '../src/model/types.ts';
import { exampleDesign } from '../src/doc/example-design.ts';
import { parseDesignFile, serializeDoc } from '../src/doc/file-format.ts';

const samples = join(import.meta.dirname, '../public/samples');
const target = join(samples, 'example-shop.netpol.json');
const source = process.argv[2] ?? (existsSync(target) ? target : undefined);

function layoutOf(path: string): Layout {
  const text = readFileSync(path, 'utf8');
  const parsed = parseDesignFile(text);
  if (parsed.ok) return parsed.doc.layout;
  return JSON.parse(text) as Layout;
}

const layout = source ? layoutOf(source) : {};
const doc = exampleDesign(readFileSync(join(samples, 'example-shop.yaml'), 'utf8'), layout);
writeFileSync(target, serializeDoc(doc));
console.log(`wrote ${target}: ${Object.keys(doc.model.workloads).length} workloads, ${Object.keys(doc.layout).length} layout entries`);
