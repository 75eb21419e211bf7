import { describe, expect, it } from 'vitest';
import { countSeverities, flaggedLabel, formatSplit, problemCounts } from './problem-counts.ts';

const sev = (...s: ('error' | 'warning' | 'info')[]) => s.map((severity) => ({ severity }));

describe('problemCounts', () => {
  it('counts errors and warnings as flagged and info apart, per list and in total', () => {
    const c = problemCounts(sev('error', 'info', 'warning'), sev('warning', 'info', 'info', 'error', 'warning'));
    expect(c.imports).toEqual({ error: 1, warning: 1, info: 1, flagged: 2, total: 3 });
    expect(c.design).toEqual({ error: 1, warning: 2, info: 2, flagged: 3, total: 5 });
    expect(c.all).toEqual({ error: 2, warning: 3, info: 3, flagged: 5, total: 8 });
  });

  it('the badge number plus the info count is every listed row', () => {
    const c = problemCounts(sev('info', 'info'), sev('error', 'info'));
    expect(c.all.flagged + c.all.info).toBe(4);
    expect(c.all.flagged).toBe(1);
  });

  it('counts nothing for empty lists', () => {
    expect(countSeverities([])).toEqual({ error: 0, warning: 0, info: 0, flagged: 0, total: 0 });
  });
});

describe('formatSplit', () => {
  it('states the badge unit and the info count', () => {
    expect(formatSplit(countSeverities([...sev('error', 'warning'), ...sev('info')]))).toBe('2 errors and warnings · 1 info');
  });
  it('leaves out info when there is none and uses the singular for one', () => {
    expect(formatSplit(countSeverities(sev('warning')))).toBe('1 error or warning');
    expect(flaggedLabel(0)).toBe('0 errors and warnings');
  });
});
