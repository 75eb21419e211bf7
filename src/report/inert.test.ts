// Issue 8 §7: names beyond Kubernetes validation (kept by the importer, with an error) cannot
// inject into any output.
import { describe, expect, it } from 'vitest';
import { importManifests } from '../k8s/import.ts';
import { formatDiagnostic } from '../k8s/diagnostics.ts';
import { emptyDoc, emptyReview } from '../model/factory.ts';
import { evaluate } from '../policy/evaluate.ts';
import { reviewMarkdown } from '../review/report.ts';
import { csvField, inertLines, inertText, mdCode, mdInline } from './inert.ts';
import { formatReachCsv } from './reach-csv.ts';
import { formatReachMarkdown } from './reach-markdown.ts';
import { formatReachTable } from './reach-table.ts';

const HOSTILE = 'evil\n| forged | row |\u001b[31mred\u001b[0m';

/** Two open pods in namespace =x, one with a hostile name (JSON, so any character fits). */
function hostileModel() {
  const pod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: '=x' }, spec: { containers: [{ name: 'c' }] } });
  return importManifests([{ name: 'f.json', text: JSON.stringify({ kind: 'List', apiVersion: 'v1', items: [pod(HOSTILE), pod('=HYPERLINK("http://evil")')] }) }]);
}

describe('inert helpers', () => {
  it('inertText shows every control character, ANSI escapes and bidi overrides as visible escapes', () => {
    expect(inertText('a\nb\r\tc\u001b[31md\u0000\u009b\u202e')).toBe('a\\nb\\r\\tc\\x1b[31md\\x00\\x9b\\u202e');
    expect(inertLines('line 1\n\u001b[2Jline 2\n')).toBe('line 1\n\\x1b[2Jline 2\n');
  });

  it('mdInline escapes HTML, links, images, headings and turns bare URLs and e-mails into code', () => {
    expect(mdInline('# Title <img src=x onerror=alert(1)> [click](javascript:alert(1)) ![x](http://evil/x.png)')).toBe(
      '\\# Title \\<img src=x onerror=alert(1)\\> [click\\](javascript:alert(1)) \\![x\\](`http://evil/x.png)`',
    );
    expect(mdInline('see www.example.com or me@example.com')).toBe('see `www.example.com` or `me@example.com`');
    expect(mdInline('- item')).toBe('\\- item');
    expect(mdInline('0.0.0.0/0 and ingress[0]')).toBe('0.0.0.0/0 and ingress[0]');
  });

  it('mdCode cannot be left: backticks, pipes and newlines are neutralised', () => {
    expect(mdCode('a`b|c\nd')).toBe("`a'b\\|c\\nd`");
  });

  it('csvField neutralises formula prefixes and quotes when needed', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'a,b', 'ok'].map(csvField)).toEqual([
      "'=1+1", "'+1", "'-1", "'@SUM(A1)", '\\tx', '\\rx', '"a,b"', 'ok',
    ]);
  });
});

describe('writers stay inert with hostile names', () => {
  const { model, diagnostics } = hostileModel();
  model.cluster.nodeCidrs = ['10.0.0.0/16']; // a `nodes` endpoint with a plain name beside the hostile ones
  const reach = evaluate(model);
  const escaped = '=x/evil\\n| forged | row |\\x1b[31mred\\x1b[0m';

  it('--format md keeps one row per connection', () => {
    const md = formatReachMarkdown(reach);
    expect(md).toContain("| `=x/evil\\n\\| forged \\| row \\|\\x1b[31mred\\x1b[0m` | `nodes` | all |\n");
    expect(md).not.toMatch(/\u001b/);
    const rows = md.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.split(/(?<!\\)\|/).length === 5)).toBe(true);
  });

  it('--format csv neutralises the formula prefix and shows the control characters', () => {
    const csv = formatReachCsv(reach);
    expect(csv).toContain(`'${escaped},nodes,TCP,1-65535\n`);
    expect(csv).toContain(`nodes,"'=x/=HYPERLINK(""http://evil"")",TCP,1-65535\n`);
    expect(csv).not.toMatch(/\u001b/);
  });

  it('--format table and diagnostics carry no control characters', () => {
    expect(formatReachTable(reach)).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(formatReachTable(reach)).toContain(escaped);
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) expect(formatDiagnostic(d)).not.toMatch(/[\u0000-\u001f]/);
  });

  it('the review report Markdown carries no raw HTML, links, images or fake headings from the design name', () => {
    const doc = emptyDoc('x\n# Fake heading <script>alert(1)</script> [a](javascript:alert(1)) ![i](https://evil.example/p.png)');
    doc.model = model;
    const md = reviewMarkdown({ doc, review: emptyReview(), at: '2026-01-02T00:00:00Z' });
    expect(md.split('\n')[0]).toBe('# Network security review: x\\\\n\\# Fake heading \\<script\\>alert(1)\\</script\\> [a\\](javascript:alert(1)) \\![i\\](`https://evil.example/p.png)`');
    expect(md).not.toMatch(/(?<!\\)<script|(?<!\\)\]\(|(?<!\\)!\[|^# Fake/m);
  });
});
