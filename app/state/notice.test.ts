import { describe, expect, it } from 'vitest';
import { noticeOutlived } from './notice.ts';

describe('noticeOutlived', () => {
  it('keeps a notice about the current selection and any notice not about a selection', () => {
    expect(noticeOutlived({ text: 'Selected.', kind: 'info', about: ['e1'] }, ['e1'])).toBe(false);
    expect(noticeOutlived({ text: 'Saved.', kind: 'info' }, ['w1'])).toBe(false);
    expect(noticeOutlived(null, [])).toBe(false);
  });
  it('drops a notice about a selection once something else (or nothing) is selected', () => {
    expect(noticeOutlived({ text: 'Selected.', kind: 'info', about: ['e1'] }, ['w1'])).toBe(true);
    expect(noticeOutlived({ text: 'Selected.', kind: 'info', about: ['e1'] }, [])).toBe(true);
    expect(noticeOutlived({ text: 'Selected.', kind: 'info', about: ['e1'] }, ['e1', 'w1'])).toBe(true);
  });
});
