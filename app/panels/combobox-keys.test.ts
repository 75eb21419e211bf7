import { describe, expect, it } from 'vitest';
import { clampActive, comboboxKey } from './combobox-keys.ts';

describe('comboboxKey', () => {
  it('arrows move and stop at the ends; Home and End jump', () => {
    expect(comboboxKey('ArrowDown', 0, 3)).toEqual({ kind: 'move', active: 1 });
    expect(comboboxKey('ArrowDown', 2, 3)).toEqual({ kind: 'move', active: 2 });
    expect(comboboxKey('ArrowUp', 0, 3)).toEqual({ kind: 'move', active: 0 });
    expect(comboboxKey('ArrowUp', 2, 3)).toEqual({ kind: 'move', active: 1 });
    expect(comboboxKey('Home', 2, 3)).toEqual({ kind: 'move', active: 0 });
    expect(comboboxKey('End', 0, 3)).toEqual({ kind: 'move', active: 2 });
  });

  it('Enter chooses the active option, the last one when the list got shorter, nothing on an empty list', () => {
    expect(comboboxKey('Enter', 1, 3)).toEqual({ kind: 'choose', index: 1 });
    expect(comboboxKey('Enter', 5, 2)).toEqual({ kind: 'choose', index: 1 });
    expect(comboboxKey('Enter', 0, 0)).toBeNull();
    expect(comboboxKey('End', 0, 0)).toEqual({ kind: 'move', active: 0 });
  });

  it('Escape closes; typing is left to the box', () => {
    expect(comboboxKey('Escape', 0, 3)).toEqual({ kind: 'escape' });
    expect(comboboxKey('a', 0, 3)).toBeNull();
    expect(comboboxKey('Tab', 0, 3)).toBeNull();
  });
});

describe('clampActive', () => {
  it('keeps the active option inside the list', () => {
    expect(clampActive(4, 3)).toBe(2);
    expect(clampActive(-1, 3)).toBe(0);
    expect(clampActive(2, 0)).toBe(0);
  });
});
