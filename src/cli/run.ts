// Command dispatch with an injectable IO, so tests run the CLI in-process.

import { UsageError } from './args.ts';
import { analyzeCommand, explainCommand, lintCommand } from './commands.ts';
import { diffCommand } from './diff.ts';
import { checkCommand } from './check.ts';
import { writeAll, type CliIO } from './io.ts';
import { USAGE } from './usage.ts';

const COMMANDS: Record<string, (argv: string[], io: CliIO) => Promise<number>> = {
  analyze: analyzeCommand,
  explain: explainCommand,
  diff: diffCommand,
  lint: lintCommand,
  check: checkCommand,
};

/** Runs `netpol ARGV...`; returns the exit code (0 ok, 1 --fail-on matched, 2 bad input). */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.err("netpol: no command given (commands: analyze, explain, diff, lint; see 'netpol --help')");
    return 2;
  }
  if (command === '-h' || command === '--help' || command === 'help') {
    await writeAll(io, [USAGE.main]);
    return 0;
  }
  const fn = COMMANDS[command];
  try {
    if (!fn) throw new UsageError(`unknown command '${command}' (commands: ${Object.keys(COMMANDS).join(', ')}; see 'netpol --help')`);
    return await fn([...rest], io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`netpol: ${err.message}`);
      return 2;
    }
    const e = err as NodeJS.ErrnoException;
    if (e && typeof e === 'object' && 'code' in e && typeof e.code === 'string') {
      // File system problems (permissions, a file vanishing) are bad input too.
      io.err(`netpol: ${e.message}`);
      return 2;
    }
    throw err;
  }
}
