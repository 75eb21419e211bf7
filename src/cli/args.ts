// Command-line flag parsing: `--name value`, `--name=value`, boolean flags, `--` ends flags.
// Anything malformed is a UsageError, which the shell turns into exit code 2 and one line.

export class UsageError extends Error {}

export interface FlagSpec {
  /** Flags that take a value. */
  values: readonly string[];
  /** Flags that take no value. */
  booleans?: readonly string[];
}

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string>;
  bools: Set<string>;
}

export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  const bools = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-h') {
      bools.add('help');
      continue;
    }
    if (!a.startsWith('--') || a === '-') {
      if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}'`);
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (name === 'help' || spec.booleans?.includes(name)) {
      if (eq >= 0) throw new UsageError(`option '--${name}' takes no value`);
      bools.add(name);
      continue;
    }
    if (!spec.values.includes(name)) throw new UsageError(`unknown option '--${name}'`);
    const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`option '--${name}' needs a value`);
    flags[name] = value;
  }
  return { positional, flags, bools };
}

/** The flag's value if it is one of `allowed`, else the default; anything else is a UsageError. */
export function choice<T extends string>(flags: Record<string, string>, name: string, allowed: readonly T[], fallback: T): T {
  const v = flags[name];
  if (v === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got '${v}')`);
  return v as T;
}
