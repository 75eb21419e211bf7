// The counts the Problems tab shows: the tab's badge and the list's headers both come from here,
// so they cannot disagree. The badge counts errors and warnings (import diagnostics plus design
// checks); info-level findings are listed and counted separately, and the list says so.

export type ProblemSeverity = 'error' | 'warning' | 'info';

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
  /** error + warning: what the tab badge counts. */
  flagged: number;
  total: number;
}

export interface ProblemCounts {
  /** Diagnostics of the last import. */
  imports: SeverityCounts;
  /** Lint findings of the design. */
  design: SeverityCounts;
  /** Both lists together; `all.flagged` is the badge number. */
  all: SeverityCounts;
}

export function countSeverities(items: readonly { severity: ProblemSeverity }[]): SeverityCounts {
  let error = 0;
  let warning = 0;
  let info = 0;
  for (const it of items) {
    if (it.severity === 'error') error++;
    else if (it.severity === 'warning') warning++;
    else info++;
  }
  return { error, warning, info, flagged: error + warning, total: error + warning + info };
}

function add(a: SeverityCounts, b: SeverityCounts): SeverityCounts {
  return {
    error: a.error + b.error,
    warning: a.warning + b.warning,
    info: a.info + b.info,
    flagged: a.flagged + b.flagged,
    total: a.total + b.total,
  };
}

export function problemCounts(
  diagnostics: readonly { severity: ProblemSeverity }[],
  findings: readonly { severity: ProblemSeverity }[],
): ProblemCounts {
  const imports = countSeverities(diagnostics);
  const design = countSeverities(findings);
  return { imports, design, all: add(imports, design) };
}

/** "1 error or warning" / "126 errors and warnings" — the badge's unit. */
export function flaggedLabel(n: number): string {
  return n === 1 ? '1 error or warning' : `${n} errors and warnings`;
}

/** "126 errors and warnings · 119 info" (the info part only when there is some). */
export function formatSplit(c: SeverityCounts): string {
  return c.info > 0 ? `${flaggedLabel(c.flagged)} · ${c.info} info` : flaggedLabel(c.flagged);
}
