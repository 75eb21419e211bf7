// Renders the Markdown subset the reports use (headings, paragraphs, pipe tables, lists,
// block quotes, fenced code, rules; inline code, bold, italics) as HTML. The review report is
// written once as Markdown and turned into its HTML page here, so both always say the same
// thing. Every piece of text is escaped first: names and comments come from users and files.

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Anchor id for a heading: lower case, words joined by '-'. */
export function slug(text: string): string {
  const s = text
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'section';
}

// Backslash escapes are set aside as tokens first, so an escaped `*` or `#` is never taken
// for formatting and the character itself still goes through escapeHtml.
function inlineText(s: string): string {
  const kept: string[] = [];
  const tokenised = s.replace(/[\u0000\u0001]/g, "").replace(/\\([\\`*_|#[\]()<>!+.-])/g, (_m, c: string) => `\u0000${kept.push(c) - 1}\u0001`);
  return escapeHtml(tokenised)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(])_(\S(?:.*?\S)?)_(?=$|[\s).,;:!?])/g, '$1<em>$2</em>')
    .replace(/\u0000(\d+)\u0001/g, (_m, i: string) => escapeHtml(kept[Number(i)]));
}

/** Inline Markdown to HTML: code spans are taken literally, the rest gets emphasis. */
export function inlineHtml(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const open = s.indexOf('`', i);
    if (open < 0 || (open > 0 && s[open - 1] === '\\')) {
      if (open < 0) {
        out += inlineText(s.slice(i));
        break;
      }
      out += inlineText(s.slice(i, open + 1));
      i = open + 1;
      continue;
    }
    const close = s.indexOf('`', open + 1);
    if (close < 0) {
      out += inlineText(s.slice(i));
      break;
    }
    out += inlineText(s.slice(i, open)) + `<code>${escapeHtml(s.slice(open + 1, close).replace(/\\\|/g, '|'))}</code>`;
    i = close + 1;
  }
  return out;
}

function splitRow(line: string): string[] {
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|') && !t.endsWith('\\|')) t = t.slice(0, -1);
  const cells: string[] = [];
  let cur = '';
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '\\' && t[i + 1] === '|') {
      cur += '\\|';
      i++;
    } else if (t[i] === '|') {
      cells.push(cur.trim());
      cur = '';
    } else cur += t[i];
  }
  cells.push(cur.trim());
  return cells;
}

const isTableRule = (l: string) => /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(l) && l.includes('-');
const listItem = /^(\s*)(?:[-*]|\d+\.)\s+(.*)$/;

function codeBlock(lang: string, lines: string[]): string {
  const body =
    lang === 'diff'
      ? lines
          .map((l) => {
            const cls = l.startsWith('@@') || l.startsWith('--- ') || l.startsWith('+++ ') ? 'hunk' : l.startsWith('+') ? 'add' : l.startsWith('-') ? 'del' : '';
            return cls ? `<span class="${cls}">${escapeHtml(l)}</span>` : escapeHtml(l);
          })
          .join('\n')
      : escapeHtml(lines.join('\n'));
  return `<pre${lang ? ` class="lang-${escapeHtml(lang)}"` : ''}><code>${body}</code></pre>`;
}

function listHtml(items: Array<{ indent: number; text: string; ordered: boolean }>): string {
  let out = '';
  const stack: Array<{ indent: number; tag: string }> = [];
  for (const it of items) {
    while (stack.length && it.indent < stack[stack.length - 1].indent) out += `</li></${stack.pop()!.tag}>`;
    const top = stack[stack.length - 1];
    if (!top || it.indent > top.indent) {
      const tag = it.ordered ? 'ol' : 'ul';
      stack.push({ indent: it.indent, tag });
      out += `<${tag}><li>`;
    } else out += '</li><li>';
    out += inlineHtml(it.text);
  }
  while (stack.length) out += `</li></${stack.pop()!.tag}>`;
  return out;
}

export interface Heading {
  level: number;
  text: string;
  id: string;
}

/** HTML for the Markdown, plus its headings (with their anchor ids) for a table of contents. */
export function markdownToHtml(md: string): { html: string; headings: Heading[] } {
  const lines = md.replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  const headings: Heading[] = [];
  const used = new Map<string, number>();
  let i = 0;
  let para: string[] = [];
  const flushPara = () => {
    if (para.length) out.push(`<p>${para.map(inlineHtml).join('<br>\n')}</p>`);
    para = [];
  };
  while (i < lines.length) {
    const line = lines[i];
    const fence = /^```\s*([\w-]*)\s*$/.exec(line);
    if (fence) {
      flushPara();
      const body: string[] = [];
      i++;
      while (i < lines.length && !/^```\s*$/.test(lines[i])) body.push(lines[i++]);
      i++;
      out.push(codeBlock(fence[1], body));
      continue;
    }
    const h = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (h) {
      flushPara();
      const text = h[2];
      const base = slug(text);
      const n = (used.get(base) ?? 0) + 1;
      used.set(base, n);
      const id = n === 1 ? base : `${base}-${n}`;
      headings.push({ level: h[1].length, text, id });
      out.push(`<h${h[1].length} id="${id}">${inlineHtml(text)}</h${h[1].length}>`);
      i++;
      continue;
    }
    if (line.includes('|') && i + 1 < lines.length && isTableRule(lines[i + 1])) {
      flushPara();
      const head = splitRow(line);
      i += 2;
      const rows: string[][] = [];
      while (i < lines.length && lines[i].trim().startsWith('|')) rows.push(splitRow(lines[i++]));
      out.push(
        '<table><thead><tr>' + head.map((c) => `<th>${inlineHtml(c)}</th>`).join('') + '</tr></thead><tbody>' +
          rows.map((r) => '<tr>' + r.map((c) => `<td>${inlineHtml(c)}</td>`).join('') + '</tr>').join('') +
          '</tbody></table>',
      );
      continue;
    }
    if (listItem.test(line) && !/^\s*-{3,}\s*$/.test(line)) {
      flushPara();
      const items: Array<{ indent: number; text: string; ordered: boolean }> = [];
      while (i < lines.length) {
        const m = listItem.exec(lines[i]);
        if (m) {
          items.push({ indent: m[1].length, text: m[2], ordered: /^\s*\d/.test(lines[i]) });
        } else if (items.length && /^\s{2,}\S/.test(lines[i])) {
          // A continuation line of the previous item.
          items[items.length - 1].text += ` ${lines[i].trim()}`;
        } else break;
        i++;
      }
      out.push(listHtml(items));
      continue;
    }
    if (line.startsWith('>')) {
      flushPara();
      const quote: string[] = [];
      while (i < lines.length && lines[i].startsWith('>')) quote.push(lines[i++].replace(/^>\s?/, ''));
      out.push(`<blockquote>${markdownToHtml(quote.join('\n')).html}</blockquote>`);
      continue;
    }
    if (/^\s*(-{3,}|\*{3,})\s*$/.test(line)) {
      flushPara();
      out.push('<hr>');
      i++;
      continue;
    }
    if (line.trim() === '') flushPara();
    else para.push(line.trim());
    i++;
  }
  flushPara();
  return { html: out.join('\n'), headings };
}
