// What a command may touch: a chunked stdout (may apply back-pressure), stderr lines, the cwd.

export interface CliIO {
  out(chunk: string): void | Promise<void>;
  err(line: string): void;
  cwd: string;
}

/** Writes chunks through `io.out`, awaiting only when the sink asks for it. */
export async function writeAll(io: CliIO, chunks: Iterable<string>): Promise<void> {
  for (const c of chunks) {
    const r = io.out(c);
    if (r) await r;
  }
}
