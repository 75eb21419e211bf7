// Problems found while reading or validating manifests, located as precisely as we can.

import { ids } from '../model/factory.ts';
import { inertText } from '../report/inert.ts';
import { WORKLOAD_KINDS, type Id, type Model } from '../model/types.ts';

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  file: string;
  /** 1-based line in the file. */
  line?: number;
  /** 1-based index of the YAML document in the file. */
  doc?: number;
  /** e.g. "NetworkPolicy shop/api-allow". */
  object?: string;
  /** Field path inside the object, e.g. "spec.ingress[0].from[1].ipBlock.cidr". */
  path?: string;
  message: string;
}

/** `file:line: Kind ns/name: path: message` (parts that are unknown are left out). */
export function formatDiagnostic(d: Diagnostic): string {
  let where = d.file;
  if (d.line !== undefined) where += `:${d.line}`;
  else if (d.doc !== undefined) where += ` (document ${d.doc})`;
  const parts = [where];
  if (d.object) parts.push(d.object);
  if (d.path) parts.push(d.path);
  const prefix = parts.join(': ');
  const tag = d.severity === 'error' ? '' : `${d.severity}: `;
  // One line, nothing a terminal would act on: names and values come from the input.
  return inertText(`${prefix}: ${tag}${d.message}`);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * The model object a diagnostic's `object` ("Kind ns/name", as the importer writes it) stands
 * for in `model`, through the ids an import derives from the identity; undefined when it is
 * not (or no longer) in the model.
 */
export function diagnosticObjectId(model: Model, object: string | undefined): Id | undefined {
  const m = object?.match(/^(\S+) (?:([^/\s]+)\/)?(\S+)$/);
  if (!m) return undefined;
  const [, kind, ns, name] = m;
  const candidates: Id[] = [];
  if (kind === 'Namespace') candidates.push(ids.namespace(name));
  if (!ns && (kind === 'ClusterNetworkPolicy' || kind === 'AdminNetworkPolicy' || kind === 'BaselineAdminNetworkPolicy')) candidates.push(ids.clusterPolicy(kind, name));
  if (ns && kind === 'Service') candidates.push(ids.service(ns, name));
  if (ns && kind === 'NetworkPolicy') candidates.push(ids.policy(ns, name));
  if (ns && (WORKLOAD_KINDS as readonly string[]).includes(kind)) candidates.push(ids.workload(ns, kind, name));
  return candidates.find((id) => model.namespaces[id] || model.services[id] || model.policies[id] || model.workloads[id] || model.clusterPolicies?.[id]);
}
