// The design-pattern templates and their panel texts.

export { applyPublicEntry, PUBLIC_ENTRY_INFO, type PublicEntryOptions } from './public-entry.ts';
export { applyStrictEgress, STRICT_EGRESS_INFO, type StrictEgressOptions } from './strict-egress.ts';
export { applyNamespaceIsolation, NAMESPACE_ISOLATION_INFO, type NamespaceIsolationOptions } from './namespace-isolation.ts';
export { applyClusterGuardrails, CLUSTER_GUARDRAILS_INFO, type ClusterGuardrailsOptions } from './cluster-guardrails.ts';
export type { TemplateInfo, TemplateResult } from './common.ts';

import { NAMESPACE_ISOLATION_INFO } from './namespace-isolation.ts';
import { PUBLIC_ENTRY_INFO } from './public-entry.ts';
import { STRICT_EGRESS_INFO } from './strict-egress.ts';
import { CLUSTER_GUARDRAILS_INFO } from './cluster-guardrails.ts';

export const TEMPLATE_INFOS = [PUBLIC_ENTRY_INFO, STRICT_EGRESS_INFO, NAMESPACE_ISOLATION_INFO, CLUSTER_GUARDRAILS_INFO] as const;
