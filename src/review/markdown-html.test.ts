import { describe, expect, it } from 'vitest';
import { escapeHtml, inlineHtml, markdownToHtml } from './markdown-html.ts';

describe('Markdown to HTML', () => {
  it('escapes text and keeps code spans literal', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(inlineHtml('**bold** and `a|b <c>` and _it_')).toBe('<strong>bold</strong> and <code>a|b &lt;c&gt;</code> and <em>it</em>');
    expect(inlineHtml('snake_case_name stays')).toBe('snake_case_name stays');
    expect(inlineHtml('\\*not bold\\* \\<x\\>')).toBe('*not bold* &lt;x&gt;');
  });

  it('renders headings with unique anchors, tables, nested lists, quotes and code', () => {
    const md = [
      '# Title', '', 'para one', 'line two', '', '## Part', '## Part', '',
      '| A | B |', '|---|---|', '| `x\\|y` | 2 |', '',
      '1. first', '   - why', '2. second', '',
      '> **bob** wrote:', '> hi', '',
      '```diff', '-old', '+new', '```',
    ].join('\n');
    const { html, headings } = markdownToHtml(md);
    expect(headings.map((h) => h.id)).toEqual(['title', 'part', 'part-2']);
    expect(html).toBe([
      '<h1 id="title">Title</h1>',
      '<p>para one<br>\nline two</p>',
      '<h2 id="part">Part</h2>',
      '<h2 id="part-2">Part</h2>',
      '<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td><code>x|y</code></td><td>2</td></tr></tbody></table>',
      '<ol><li>first<ul><li>why</li></ul></li><li>second</li></ol>',
      '<blockquote><p><strong>bob</strong> wrote:<br>\nhi</p></blockquote>',
      '<pre class="lang-diff"><code><span class="del">-old</span>\n<span class="add">+new</span></code></pre>',
    ].join('\n'));
  });
});
