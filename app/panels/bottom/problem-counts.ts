// One hook for the Problems tab's badge and the list's headers (counts: src/lint/problem-counts).

import { useMemo } from 'react';
import { problemCounts, type ProblemCounts } from '../../../src/lint/problem-counts.ts';
import { useLintFindings } from '../../state/reachability.ts';
import { useLastImport } from '../import-result.ts';

export function useProblemCounts(): ProblemCounts {
  const last = useLastImport();
  const findings = useLintFindings();
  const diags = last?.diagnostics;
  return useMemo(() => problemCounts(diags ?? [], findings), [diags, findings]);
}
