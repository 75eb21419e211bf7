import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/model/types.ts';
import { createSettledModel } from './settled-model.ts';

const m = (n: number) => ({ n }) as unknown as Model;

function setup(first: Model) {
  let state = { model: first, pending: false };
  const subs = new Set<() => void>();
  const queue: (() => void)[] = [];
  const store = createSettledModel({
    read: () => state,
    subscribe: (fn) => {
      subs.add(fn);
      return () => subs.delete(fn);
    },
    schedule: (fn) => queue.push(fn),
  });
  const set = (next: Partial<typeof state>) => {
    state = { ...state, ...next };
    for (const fn of subs) fn();
  };
  const paint = () => {
    for (const fn of queue.splice(0)) fn();
  };
  return { store, set, paint, queue };
}

describe('createSettledModel', () => {
  it('takes over an edited model only after its evaluation landed and a frame painted', () => {
    const a = m(1);
    const b = m(2);
    const { store, set, paint, queue } = setup(a);
    set({ model: b, pending: true });
    paint();
    expect(store.getState().model).toBe(a); // still being evaluated
    set({ pending: false });
    expect(store.getState().model).toBe(a); // not before the paint
    expect(queue).toHaveLength(1);
    paint();
    expect(store.getState().model).toBe(b);
  });

  it('follows a model evaluated in place (never pending) after the paint', () => {
    const { store, set, paint } = setup(m(1));
    const b = m(2);
    set({ model: b });
    expect(store.getState().model).not.toBe(b);
    paint();
    expect(store.getState().model).toBe(b);
  });

  it('waits for a newer edit that started before the paint, and lands on the latest model', () => {
    const a = m(1);
    const { store, set, paint } = setup(a);
    set({ model: m(2) });
    const c = m(3);
    set({ model: c, pending: true });
    paint();
    expect(store.getState().model).toBe(a);
    set({ pending: false });
    paint();
    expect(store.getState().model).toBe(c);
  });

  it('schedules one update for a burst of changes', () => {
    const { set, queue } = setup(m(1));
    set({ model: m(2) });
    set({ model: m(3) });
    set({ model: m(4) });
    expect(queue).toHaveLength(1);
  });
});
