// The policy editor form: name, target pods, policy types, ingress and egress rules, live
// validation and a YAML preview. Every change is one upsertPolicy commit.

import { LockedFieldset } from '../../share/LockedFieldset.tsx';
import { EditingPeers } from '../../collab/EditingPeers.tsx';
import type { Direction, NetworkPolicy } from '../../../src/model/types.ts';
import { validateDnsSubdomain } from '../../../src/model/labels.ts';
import { effectiveTypes } from '../../../src/policy/np-rules.ts';
import { exportObject } from '../../../src/k8s/export.ts';
import { upsertPolicy } from '../../../src/doc/commands.ts';
import { addRule, nameTakenError, removeRule, replaceRule, withPolicyType } from '../../../src/doc/commands-panels.ts';
import { commitDoc, useDocStore } from '../../state/doc-store.ts';
import { setSession } from '../../state/session-store.ts';
import { CommitInput } from '../fields/CommitInput.tsx';
import { describeMatches, targetMatches } from './matches.ts';
import { policyProblems } from './policy-problems.ts';
import { RuleEditor } from './RuleEditor.tsx';
import { SelectorEditor } from './SelectorEditor.tsx';
import { TakeOverButton } from './TakeOverButton.tsx';

const DIRECTIONS: Direction[] = ['Ingress', 'Egress'];

export function PolicyEditor({ policy }: { policy: NetworkPolicy }) {
  const model = useDocStore((s) => s.doc.model);
  const nsName = model.namespaces[policy.namespaceId]?.name ?? policy.namespaceId;
  const commit = (next: NetworkPolicy) => commitDoc((d) => upsertPolicy(d, next));
  const effective = effectiveTypes(policy);
  const problems = policyProblems(policy);
  const targetIds = targetMatches(model, policy);
  const generated = !!policy.generated;

  return (
    <div className="policy-editor" data-testid="policy-editor">
      <div className="editor-head">
        <button type="button" className="link-btn" onClick={() => setSession({ editingPolicyId: null, highlight: [] })}>
          ← All policies
        </button>
        <h3 className="form-title">
          <span className="kind-badge">NetworkPolicy</span> {nsName}/{policy.name}
        </h3>
      </div>
      <EditingPeers id={policy.id} />
      <LockedFieldset testId="policy-editor-fields">
      {generated && (
        <div className="gen-notice">
          <p>
            Generated from intents{policy.generated?.note ? ` (${policy.generated.note})` : ''}. It is rewritten whenever intents or
            namespace defaults change, so it cannot be edited here.
          </p>
          <TakeOverButton policyId={policy.id} />
        </div>
      )}
      <fieldset className="plain" disabled={generated}>
        <CommitInput
          label="Name"
          value={policy.name}
          validate={(v) => validateDnsSubdomain(v) ?? nameTakenError(model, 'policy', v, policy.id, policy.namespaceId)}
          onCommit={(name) => commit({ ...policy, name })}
        />
        <SelectorEditor
          label="Target pods (spec.podSelector)"
          selector={policy.podSelector}
          onChange={(podSelector) => commit({ ...policy, podSelector })}
          matchIds={targetIds}
          matchText={describeMatches(model, targetIds)}
          testId="target-selector"
        />
        <fieldset>
          <legend>Policy types</legend>
          {DIRECTIONS.map((d) => (
            <label key={d} className="check">
              <input type="checkbox" checked={effective.has(d)} onChange={(e) => commit(withPolicyType(policy, d, e.target.checked, effective))} />
              {d}
            </label>
          ))}
          {!policy.policyTypes?.length && (
            <p className="hint">
              Not written in the policy; Kubernetes defaults it to {[...effective].join(' and ')}
              {effective.has('Egress') ? ' (it has egress rules)' : ''}.
            </p>
          )}
        </fieldset>
        {DIRECTIONS.map((dir) => {
          const rules = (dir === 'Ingress' ? policy.ingress : policy.egress) ?? [];
          const active = effective.has(dir);
          return (
            <fieldset key={dir} className={active ? 'rules' : 'rules inactive'}>
              <legend>{dir} rules</legend>
              {active && rules.length === 0 && <p className="hint">No rules: all {dir.toLowerCase()} of the target pods is denied.</p>}
              {!active && <p className="hint">{dir} is not in the policy types: these rules have no effect.</p>}
              {rules.map((rule, i) => (
                <RuleEditor
                  key={i}
                  model={model}
                  policy={policy}
                  dir={dir}
                  index={i}
                  rule={rule}
                  onChange={(r) => commit(replaceRule(policy, dir, i, r))}
                  onRemove={() => commit(removeRule(policy, dir, i))}
                />
              ))}
              <button type="button" onClick={() => commit(addRule(policy, dir))}>
                + Add {dir.toLowerCase()} rule
              </button>
            </fieldset>
          );
        })}
      </fieldset>
      <section className="problems-box" aria-label="Validation">
        <h4>Validation</h4>
        {problems.length === 0 ? (
          <p className="ok">Valid: the API server accepts this policy.</p>
        ) : (
          <ul>
            {problems.map((p, i) => (
              <li key={i} className={`sev-${p.severity}`}>
                <code>{p.path}</code>: {p.message}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="YAML preview">
        <h4>YAML</h4>
        <pre className="yaml-preview" data-testid="policy-yaml">
          {exportObject(model, policy.id)}
        </pre>
      </section>
      </LockedFieldset>
    </div>
  );
}
