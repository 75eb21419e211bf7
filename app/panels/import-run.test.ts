import { describe, expect, it } from 'vitest';
import { IMPORT_WORKER_THRESHOLD, formatSize, needsWorker, readingStatus } from './import-run.ts';

describe('import-run helpers', () => {
  it('formats sizes', () => {
    expect(formatSize(900)).toBe('900 B');
    expect(formatSize(34 * 1024)).toBe('34 KB');
    expect(formatSize(8.2 * 1024 * 1024)).toBe('8.2 MB');
  });
  it('describes what is being read', () => {
    const f = (name: string, n: number) => ({ name, text: 'a'.repeat(n) });
    expect(readingStatus([f('a.yaml', 1024 * 1024), f('b.yaml', 1024 * 1024)])).toBe('Reading 2 files (2.0 MB)…');
    expect(readingStatus([f('pasted.yaml', 2048)])).toBe('Reading the pasted text (2 KB)…');
    expect(readingStatus([f('one.yaml', 2048)])).toBe('Reading 1 file (2 KB)…');
  });
  it('uses the worker only above the threshold', () => {
    expect(needsWorker([{ name: 'a', text: 'x'.repeat(IMPORT_WORKER_THRESHOLD) }])).toBe(false);
    expect(needsWorker([{ name: 'a', text: 'x'.repeat(IMPORT_WORKER_THRESHOLD) }, { name: 'b', text: 'y' }])).toBe(true);
  });
});
