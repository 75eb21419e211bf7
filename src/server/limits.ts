// Caps that protect a collaboration server and its rooms from a misbehaving or hostile client.

export interface Limits {
  /** Largest single WebSocket message, bytes (the ws server refuses bigger frames). */
  maxMessageBytes: number;
  /** Largest encoded state of one shared document, bytes. */
  maxDocumentBytes: number;
  /** Connections per shared document (a room has two). */
  maxClientsPerRoom: number;
  /** Messages per second per connection, averaged over a 2 s window. */
  maxMessagesPerSecond: number;
  /** Shared documents one WebSocket may open (a session uses two). */
  maxDocumentsPerSocket: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxMessageBytes: 2 * 1024 * 1024,
  maxDocumentBytes: 16 * 1024 * 1024,
  maxClientsPerRoom: 50,
  maxMessagesPerSecond: 200,
  maxDocumentsPerSocket: 4,
};

/** Sliding-window counter: `hit()` returns false once more than `perSecond * windowS` hits fall in the window. */
export class RateLimiter {
  private times: number[] = [];
  constructor(private readonly perSecond: number, private readonly windowMs = 2000, private readonly now = () => Date.now()) {}

  hit(): boolean {
    const t = this.now();
    while (this.times.length && (this.times[0] as number) <= t - this.windowMs) this.times.shift();
    this.times.push(t);
    return this.times.length <= this.perSecond * (this.windowMs / 1000);
  }
}
