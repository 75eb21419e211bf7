// The lint rule families, in catalogue order. Add a family by appending its LintRuleSet here.

import { clusterTierRules } from './cluster-tiers.ts';
import { dnsRules } from './dns.ts';
import { ipBlockRules } from './ipblock.ts';
import { peerRules } from './peers.ts';
import { policyTypeRules } from './policy-types.ts';
import { portRules } from './ports.ts';
import { selectorRules } from './selectors.ts';
import { serviceRules } from './services.ts';
import { serviceLbRules } from './services-lb.ts';
import { shadowRules } from './shadow.ts';
import type { LintRuleSet } from './types.ts';

export const LINT_RULE_SETS: readonly LintRuleSet[] = [
  policyTypeRules,
  peerRules,
  selectorRules,
  portRules,
  ipBlockRules,
  dnsRules,
  serviceRules,
  serviceLbRules,
  shadowRules,
  clusterTierRules,
];
