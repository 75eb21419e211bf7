// Lint findings and the rule-set contract. Each family of checks (semantics.md section 4) lives
// in its own file and is listed in registry.ts, so new families (L-LB-*, L-PORT-06) plug in
// without touching the others.

import type { Id, Model, NetworkPolicy, Service, Workload } from '../model/types.ts';
import type { ServiceBackends } from '../services/backends.ts';
import type { Reachability } from '../policy/reachability-types.ts';

export type LintSeverity = 'error' | 'warning' | 'info';

export interface LintFinding {
  /** Catalogue id, e.g. 'L-DNS-01'. */
  id: string;
  severity: LintSeverity;
  /** Model id of the object the finding is about. */
  objectId?: Id;
  /** e.g. 'NetworkPolicy shop/x'. */
  object?: string;
  /** Field path inside the object, e.g. 'spec.egress[0].ports[1]'. */
  path?: string;
  message: string;
  hint?: string;
}

export interface LintOptions {
  /** Skip the shadowed-policy check above this many policies (it evaluates once per policy). */
  shadowMaxPolicies?: number;
  /** Skip the shadowed-policy check above this many workloads. */
  shadowMaxWorkloads?: number;
}

/** Read-only view of the model with the lookups most rules need. */
export interface LintContext {
  model: Model;
  reach?: Reachability;
  options: Required<LintOptions>;
  /** Policies in a stable order (namespace name, then policy name). */
  policies: NetworkPolicy[];
  workloadsIn(namespaceId: Id): Workload[];
  namespaceName(namespaceId: Id): string;
  /** 'NetworkPolicy shop/x' */
  policyLabel(np: NetworkPolicy): string;
  /** 'Deployment shop/cart' */
  workloadLabel(w: Workload): string;
  /** True when the model holds workloads at all; selector checks are meaningless otherwise. */
  hasWorkloads: boolean;
  /** serviceBackends(model, svc), computed once per Service and only over its namespace. */
  serviceBackends(svc: Service): ServiceBackends;
  /** ingressPolicies(model, w), computed once per workload and only over its namespace. */
  ingressPolicies(w: Workload): NetworkPolicy[];
}

export interface LintRuleSet {
  /** Family name, e.g. 'policy-types'. */
  family: string;
  /** Catalogue ids this set can report. */
  ids: readonly string[];
  run(ctx: LintContext): LintFinding[];
}
