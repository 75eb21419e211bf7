// Outputs are inert: names and messages come from users and files (the importer keeps invalid
// names, with an error), so nothing they hold may act on the terminal, the Markdown renderer or
// a spreadsheet that shows them.
//
//   inertText(s)   one field for a text output: every control character (newlines, ESC of
//                  ANSI sequences, C1 controls, bidi overrides) shown as a visible escape
//   inertLines(s)  a whole text output: the same, but line breaks and tabs are kept
//   mdInline(s)    user text inside a Markdown line: inert, no HTML, links, images or headings
//   mdCode(s)      user text as inline code (names): inert, no way out of the code span
//   csvField(s)    one CSV field: inert, quoted when needed, formula prefixes neutralised

// C0 and C1 controls, DEL, and the bidirectional overrides/isolates ("Trojan Source").
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROLS_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function visible(c: string): string {
  const code = c.charCodeAt(0);
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

export function inertText(s: string): string {
  return s.replace(CONTROLS, visible);
}

export function inertLines(s: string): string {
  return s.replace(CONTROLS_BUT_LINES, visible);
}

// Bare URLs, www. hosts and e-mail addresses become links in GitHub Markdown; in a code span they do not.
const AUTOLINK = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s`]*|[^\s`@]+@[^\s`@]+\.[a-z]{2,}/gi;

/** Markdown punctuation that could start formatting, HTML, a link or an image. */
function escapeMarkdown(s: string): string {
  // A list marker needs a space after it: `0.0.0.0/0` or `-bad` stay as written.
  // Links, images and reference definitions need `](`, `][`, `]:` or `![`: breaking those keeps
  // ordinary brackets (`ingress[0]`) readable.
  return s
    .replace(/([\\`*_|<>#])/g, '\\$1')
    .replace(/\](?=[([:])/g, '\\]')
    .replace(/!(?=\[)/g, '\\!')
    .replace(/^(\s*)([+-]|\d+\.)(?=\s|$)/, '$1\\$2');
}

export function mdCode(s: string): string {
  return '`' + inertText(s).replace(/`/g, "'").replace(/\|/g, '\\|') + '`';
}

export function mdInline(s: string): string {
  const text = inertText(s);
  let out = '';
  let at = 0;
  for (const m of text.matchAll(AUTOLINK)) {
    out += escapeMarkdown(text.slice(at, m.index));
    out += mdCode(m[0]);
    at = m.index + m[0].length;
  }
  return out + escapeMarkdown(text.slice(at));
}

export function csvField(s: string): string {
  let v = inertText(s);
  // A leading = + - @ makes spreadsheets evaluate the cell (formula injection); a quote mark
  // makes it text. (Tab and CR are already shown as \t and \r.)
  if (/^[=+\-@]/.test(v)) v = `'${v}`;
  return /[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
