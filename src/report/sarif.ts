// SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), the format code-scanning
// views read: one run of one tool, its rules with help text, one result per finding with the
// file and line of the object and field it is about.

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifRule {
  id: string;
  title: string;
  help: string;
  level: SarifLevel;
}

export interface SarifLocation {
  /** File name as given on the command line (relative to the working directory) or absolute. */
  file: string;
  line?: number;
  /** The Kubernetes object, e.g. "NetworkPolicy shop/api" (a logical location). */
  object?: string;
}

export interface SarifFinding {
  ruleId: string;
  level: SarifLevel;
  message: string;
  location?: SarifLocation;
}

export interface SarifTool {
  name: string;
  version: string;
  informationUri?: string;
}

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

export function sarifLevel(severity: 'error' | 'warning' | 'info'): SarifLevel {
  return severity === 'info' ? 'note' : severity;
}

/** A relative path becomes a relative URI against %SRCROOT% (the checkout); an absolute one a file: URI. */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const slashed = file.replace(/\\/g, '/');
  const encoded = slashed.split('/').map(encodeURIComponent).join('/');
  if (/^[A-Za-z]:\//.test(slashed)) return { uri: `file:///${encoded.replace('%3A', ':')}` };
  if (slashed.startsWith('/')) return { uri: `file://${encoded}` };
  return { uri: encoded.replace(/^(\.\/)+/, ''), uriBaseId: '%SRCROOT%' };
}

function logicalLocation(object: string): { name: string; fullyQualifiedName: string; kind: string } {
  const space = object.indexOf(' ');
  const kind = space > 0 ? object.slice(0, space) : 'object';
  const fqn = space > 0 ? object.slice(space + 1) : object;
  return { name: fqn.slice(fqn.lastIndexOf('/') + 1), fullyQualifiedName: fqn, kind };
}

/** The SARIF log as a JSON-ready object. Rules are listed in the order given; findings keep their order. */
export function sarifLog(tool: SarifTool, rules: readonly SarifRule[], findings: readonly SarifFinding[]): object {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = findings.map((f) => {
    const index = ruleIndex.get(f.ruleId);
    const loc = f.location;
    const physical = loc ? { artifactLocation: artifactLocation(loc.file), ...(loc.line !== undefined ? { region: { startLine: loc.line } } : {}) } : undefined;
    return {
      ruleId: f.ruleId,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: f.level,
      message: { text: f.message },
      ...(loc ? { locations: [{ ...(physical ? { physicalLocation: physical } : {}), ...(loc.object ? { logicalLocations: [logicalLocation(loc.object)] } : {}) }] } : {}),
    };
  });
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            ...(tool.informationUri ? { informationUri: tool.informationUri } : {}),
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id.replace(/[^A-Za-z0-9]+/g, ''),
              shortDescription: { text: r.title },
              fullDescription: { text: r.help },
              help: { text: r.help },
              defaultConfiguration: { level: r.level },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function formatSarif(tool: SarifTool, rules: readonly SarifRule[], findings: readonly SarifFinding[]): string {
  return JSON.stringify(sarifLog(tool, rules, findings), null, 2) + '\n';
}
