import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../../src/model/factory.ts';
import { addNamespace } from '../../src/doc/commands.ts';
import { defaultImportMode, importedDesignName, manifestFiles, windowTitle } from './design-files.ts';

describe('import mode and names', () => {
  it('offers Replace over an empty design and the untouched example, Merge over edited work', () => {
    const empty = emptyDoc();
    expect(defaultImportMode(empty, null)).toBe('replace');
    const example = addNamespace(emptyDoc('Example: three-tier shop'), { id: 'ns', name: 'shop', at: { x: 0, y: 0 } });
    expect(defaultImportMode(example, example)).toBe('replace');
    const edited = addNamespace(example, { id: 'ns2', name: 'data', at: { x: 500, y: 0 } });
    expect(defaultImportMode(edited, example)).toBe('merge');
    expect(defaultImportMode(example, null)).toBe('merge');
  });

  it('names a replacing import after its first file', () => {
    expect(importedDesignName([{ name: 'shop-prod.yaml', text: '' }])).toBe('shop-prod');
    expect(importedDesignName([{ name: 'a.yml', text: '' }, { name: 'b.json', text: '' }])).toBe('a and 1 more');
    expect(importedDesignName([{ name: 'pasted.yaml', text: '' }])).toBe('Imported design');
  });

  it('accepts dropped YAML and JSON files, and titles the window after the design', () => {
    expect(manifestFiles([{ name: 'x.YAML' }])).toBe(true);
    expect(manifestFiles([{ name: 'photo.png' }])).toBe(false);
    expect(windowTitle('Shop')).toBe('Shop — NetPol Designer');
  });
});
