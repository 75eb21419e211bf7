// A small, deterministic YAML writer for manifests: keeps object key order as given, writes
// sequences kubectl-style (`- ` at the parent key's indent) and quotes every string that a
// YAML 1.1 reader (kubectl, sigs.k8s.io/yaml) could take for something other than a string.

export type YamlValue = string | number | boolean | null | YamlValue[] | { [k: string]: YamlValue | undefined };

// YAML 1.1 booleans and nulls in any case (semantics.md 5.1).
const SPECIAL_WORDS = /^(y|n|yes|no|true|false|on|off|null|~)$/i;
// Plain-safe: starts with a letter or `_`, then letters, digits, `_ . - /`.
const PLAIN_WORD = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
// Addresses and CIDRs such as 10.0.0.0/8 are safe plain; `1.0`, `123`, `2001-12-14` are not.
const PLAIN_CIDR = /^[0-9]+(\.[0-9]+){3}\/[0-9]+$/;

export function needsQuotes(s: string): boolean {
  if (SPECIAL_WORDS.test(s)) return true;
  return !(PLAIN_WORD.test(s) || PLAIN_CIDR.test(s));
}

export function scalar(v: string | number | boolean | null): string {
  if (v === null) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return needsQuotes(v) ? JSON.stringify(v) : v;
}

function isMap(v: YamlValue): v is { [k: string]: YamlValue | undefined } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function entries(v: { [k: string]: YamlValue | undefined }): [string, YamlValue][] {
  return Object.entries(v).filter((e): e is [string, YamlValue] => e[1] !== undefined);
}

function isEmptyCollection(v: YamlValue): boolean {
  return Array.isArray(v) ? v.length === 0 : isMap(v) && entries(v).length === 0;
}

function inline(v: YamlValue): string {
  if (Array.isArray(v)) return '[]';
  if (isMap(v)) return '{}';
  return scalar(v);
}

/** Lines of a mapping body at `indent`. */
function mapLines(v: { [k: string]: YamlValue | undefined }, indent: string, out: string[]): void {
  for (const [k, val] of entries(v)) {
    const key = scalar(k);
    if (isEmptyCollection(val) || (!Array.isArray(val) && !isMap(val))) {
      out.push(`${indent}${key}: ${inline(val)}`);
    } else if (Array.isArray(val)) {
      out.push(`${indent}${key}:`);
      seqLines(val, indent, out);
    } else {
      out.push(`${indent}${key}:`);
      mapLines(val, `${indent}  `, out);
    }
  }
}

function seqLines(v: YamlValue[], indent: string, out: string[]): void {
  for (const item of v) {
    if (isEmptyCollection(item) || (!Array.isArray(item) && !isMap(item))) {
      out.push(`${indent}- ${inline(item)}`);
    } else if (Array.isArray(item)) {
      out.push(`${indent}-`);
      seqLines(item, `${indent}  `, out);
    } else {
      // First key on the dash line, the rest aligned under it.
      const sub: string[] = [];
      mapLines(item, `${indent}  `, sub);
      sub[0] = `${indent}- ${sub[0].slice(indent.length + 2)}`;
      out.push(...sub);
    }
  }
}

/** One YAML document (no `---`), ending with a newline. */
export function toYaml(v: YamlValue): string {
  const out: string[] = [];
  if (isMap(v) && !isEmptyCollection(v)) mapLines(v, '', out);
  else if (Array.isArray(v) && v.length) seqLines(v, '', out);
  else out.push(inline(v));
  return `${out.join('\n')}\n`;
}
