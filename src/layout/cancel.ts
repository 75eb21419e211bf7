// The error a cancelled layout rejects with (its own module: the app reads it without loading ELK).

/** Thrown when a layout is cancelled through its signal. */
export class LayoutCancelled extends Error {
  constructor() {
    super('Auto layout cancelled');
    this.name = 'AbortError';
  }
}
