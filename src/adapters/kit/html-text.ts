/**
 * HTML as plain text, for message bodies and articles that a helpdesk stores as HTML. A scanner, not a chain of
 * patterns: it reads the text once whatever it holds (an unclosed `<script`, a thousand `<`), so a hostile body
 * cannot stall a sync (STYLE 20).
 */

/** Tags that sit inside a line: removed without a trace (`<i>in allegato</i>.` is `in allegato.`). */
const INLINE: ReadonlySet<string> = new Set(
  'a abbr b bdi bdo big cite code data del dfn em font i ins kbd mark q s samp small span strike strong sub sup time tt u var wbr'.split(
    ' ',
  ),
);
/** Tags that end a line. */
const LINE: ReadonlySet<string> = new Set(
  'div li dt dd tr caption figcaption address article aside footer header main nav section form fieldset legend option'.split(
    ' ',
  ),
);
/** Tags that end a paragraph (a blank line in the text). */
const PARAGRAPH: ReadonlySet<string> = new Set(
  'p h1 h2 h3 h4 h5 h6 blockquote pre textarea ul ol dl table hr figure'.split(' '),
);
/** Tags whose content is not text at all. */
const HIDDEN: ReadonlySet<string> = new Set(['script', 'style', 'head', 'template', 'noscript']);

const ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', ' '],
  // Latin letters that mail clients write as entities (Italian, French, Spanish, German, Portuguese).
  ...Object.entries({
    agrave: 'à',
    aacute: 'á',
    acirc: 'â',
    atilde: 'ã',
    auml: 'ä',
    ccedil: 'ç',
    egrave: 'è',
    eacute: 'é',
    ecirc: 'ê',
    euml: 'ë',
    igrave: 'ì',
    iacute: 'í',
    icirc: 'î',
    iuml: 'ï',
    ntilde: 'ñ',
    ograve: 'ò',
    oacute: 'ó',
    ocirc: 'ô',
    otilde: 'õ',
    ouml: 'ö',
    ugrave: 'ù',
    uacute: 'ú',
    ucirc: 'û',
    uuml: 'ü',
    Agrave: 'À',
    Aacute: 'Á',
    Egrave: 'È',
    Eacute: 'É',
    Igrave: 'Ì',
    Ograve: 'Ò',
    Ugrave: 'Ù',
    Ccedil: 'Ç',
    Ntilde: 'Ñ',
    Auml: 'Ä',
    Ouml: 'Ö',
    Uuml: 'Ü',
    szlig: 'ß',
    // Punctuation and signs.
    euro: '€',
    pound: '£',
    yen: '¥',
    cent: '¢',
    copy: '©',
    reg: '®',
    trade: '™',
    deg: '°',
    sect: '§',
    para: '¶',
    middot: '·',
    bull: '•',
    hellip: '…',
    ndash: '–',
    mdash: '—',
    lsquo: '‘',
    rsquo: '’',
    sbquo: '‚',
    ldquo: '“',
    rdquo: '”',
    bdquo: '„',
    laquo: '«',
    raquo: '»',
    iexcl: '¡',
    iquest: '¿',
    times: '×',
    divide: '÷',
    plusmn: '±',
    frac12: '½',
    frac14: '¼',
    frac34: '¾',
    shy: '',
  }),
]);

const decodeEntities = (text: string) =>
  text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z][a-zA-Z0-9]{0,7});/g, (entity, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return ENTITIES.get(name) ?? ENTITIES.get(name.toLowerCase()) ?? entity;
  });

/**
 * The tag name of the tag whose inside runs from `from` to `to` (`/p class="x"` → `p`), lower-cased; empty when
 * it is no tag. Reads only the name's characters, however long the tag.
 */
function tagName(html: string, from: number, to: number): { name: string; closing: boolean } {
  const closing = html[from] === '/';
  const start = closing ? from + 1 : from;
  let end = start;
  while (end < to && NAME_CHAR.test(html[end]!)) end++;
  const name = end > start && /[a-zA-Z]/.test(html[start]!) ? html.slice(start, end).toLowerCase() : '';
  return { name, closing };
}
const NAME_CHAR = /[a-zA-Z0-9-]/;

/** Options of {@link htmlToText}. */
export interface HtmlToTextOptions {
  /**
   * Keep the document's lines: `<br>` and line-ending elements start a new line, paragraphs are separated by a
   * blank line. Off, the text is one line (for search and suggestions). @default true
   */
  lines?: boolean;
}

/**
 * HTML as plain text: hidden elements (scripts, styles) and comments dropped, inline tags removed, line and
 * paragraph elements as line breaks (or spaces when `lines` is false), any other tag a space, the common
 * entities decoded (after the tags are gone, so `&lt;b&gt;` stays text), runs of spaces collapsed.
 *
 * @example
 * ```ts
 * htmlToText('<p>Ciao,<br>il file è <i>in allegato</i>.</p><p>Marco</p>'); // 'Ciao,\nil file è in allegato.\n\nMarco'
 * htmlToText('<p>Open <b>Settings</b></p><p>Reset</p>', { lines: false }); // 'Open Settings Reset'
 * ```
 */
export function htmlToText(html: string, options: HtmlToTextOptions = {}): string {
  const pieces = piecesOf(html);
  const lines = options.lines ?? true;
  // Joined in one pass: breaks wanted between two runs of text are merged (a closing and an opening block make
  // one line break, not two), spaces next to a break are dropped, and at most one blank line separates text.
  let out = '';
  let breaks = 0;
  let space = false;
  for (const piece of pieces) {
    if (typeof piece === 'number') {
      if (piece === SPACE) space = true;
      else if (piece === HARD_BREAK) breaks = Math.min(breaks + 1, 2);
      else breaks = Math.max(breaks, piece);
      continue;
    }
    let text = piece;
    if (text.startsWith(' ')) {
      space = true;
      text = text.slice(1);
    }
    const trailing = text.endsWith(' ');
    if (trailing) text = text.slice(0, -1);
    if (text === '') continue;
    if (out !== '') out += breaks ? (lines ? '\n'.repeat(breaks) : ' ') : space ? ' ' : '';
    out += text;
    breaks = 0;
    space = trailing;
  }
  return out;
}

const SPACE = 0;
const LINE_BREAK = 1;
const PARAGRAPH_BREAK = 2;
const HARD_BREAK = 3;

/** The runs of text (whitespace collapsed, entities decoded) and the breaks between them, in order. */
function piecesOf(html: string): (string | number)[] {
  const out: (string | number)[] = [];
  let i = 0;
  // The first ">" after the last "<" seen (-1: none is left): a run of "<" that open no tag must not make each
  // look for the same far ">" again.
  let close = 0;
  // Inside <pre> (or <textarea>) the source's line breaks are the text's.
  let preformatted = 0;
  const push = (raw: string) => {
    if (preformatted === 0) {
      out.push(text(raw));
      return;
    }
    raw.split(/\r?\n/).forEach((line, index) => {
      if (index > 0) out.push(HARD_BREAK);
      out.push(text(line));
    });
  };
  while (i < html.length) {
    const open = html.indexOf('<', i);
    if (open < 0) {
      push(html.slice(i));
      break;
    }
    if (open > i) push(html.slice(i, open));
    if (html.startsWith('<!--', open)) {
      const end = html.indexOf('-->', open + 4);
      out.push(SPACE);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (close >= 0 && close <= open) close = html.indexOf('>', open + 1);
    const { name, closing } = close < 0 ? { name: '', closing: false } : tagName(html, open + 1, close);
    if (!name && !html.startsWith('<!', open) && !html.startsWith('<?', open)) {
      // A "<" that opens no tag ("a < b") is text.
      out.push('<');
      i = open + 1;
      continue;
    }
    i = close < 0 ? html.length : close + 1;
    if (name === 'pre' || name === 'textarea') preformatted = Math.max(0, preformatted + (closing ? -1 : 1));
    if (HIDDEN.has(name) && !closing) {
      const end = new RegExp(`</${name}\\s*>`, 'gi');
      end.lastIndex = i;
      const found = end.exec(html);
      i = found ? found.index + found[0].length : html.length;
      out.push(SPACE);
    } else if (name === 'br') out.push(HARD_BREAK);
    else if (INLINE.has(name)) {
      // nothing: "<b>Re</b>set" is "Reset"
    } else if (PARAGRAPH.has(name)) out.push(PARAGRAPH_BREAK);
    else if (LINE.has(name)) out.push(LINE_BREAK);
    else out.push(SPACE);
  }
  return out;
}

/** A run of text between tags: entities decoded, its whitespace (line breaks and no-break spaces too) one space. */
const text = (raw: string) => decodeEntities(raw).replace(/\s+/g, ' ');
