// Column widths for text tables. A loop, not Math.max(...list): spreading 100k+ values into
// one call overflows the stack, and writers must handle any number of rows.

/** The largest of `min` and `measure(item)` over `items`. */
export function widest<T>(items: Iterable<T>, measure: (item: T) => number, min = 0): number {
  let w = min;
  for (const it of items) {
    const n = measure(it);
    if (n > w) w = n;
  }
  return w;
}
