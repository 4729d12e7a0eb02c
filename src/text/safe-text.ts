/**
 * Text from data made safe to print: one sanitiser for every text and Markdown output (the CLI report, customer
 * cards, SOP documents). A leaf module: it imports nothing, so models, care, report and cli may all use it.
 *
 * What a customer, an agent or an author typed must not be able to start a line of its own (a name that prints a
 * fake `State: Green` line), move the cursor or clear the screen (terminal escape sequences), or reorder what
 * follows it (bidirectional overrides, the "Trojan Source" trick). HTML output escapes instead (each renderer's
 * own `&#…;` references), where these characters are harmless.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** Every way a text can end a line: CRLF, LF, CR, VT, FF, NEL, LINE and PARAGRAPH SEPARATOR. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching line breaks is the point
const LINE_BREAK = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;

/**
 * Record text made safe for a terminal or a one-line cell: every control character (C0 and C1, so ESC, BEL,
 * CSI and line breaks), line and paragraph separators and bidirectional overrides and isolates become `�`.
 *
 * @example
 * ```ts
 * plainText('Ann\u001b[2J'); // 'Ann�[2J'
 * plainText('Ada\nState: Green'); // 'Ada�State: Green'
 * ```
 */
export const plainText = (text: string): string => text.replace(CONTROL, '\uFFFD');

/**
 * Prose made safe for one line: each line break becomes a space (a paragraph that wraps in its source reads on),
 * then every other character {@link plainText} replaces becomes `�`.
 *
 * @example
 * ```ts
 * inlineText('Check the order\nthen reply'); // 'Check the order then reply'
 * ```
 */
export const inlineText = (text: string): string => plainText(text.replace(LINE_BREAK, ' '));

/**
 * A value for one header or one sentence (a mail subject, a name in a greeting): every whitespace, control
 * character, line or paragraph separator and bidirectional override or isolate becomes a space, runs of them one
 * space, the ends trimmed. Nothing is marked: what remains reads as the value did. One character class, one pass.
 *
 * @example
 * ```ts
 * oneLine('Order\r\nBcc: x@evil.example'); // 'Order Bcc: x@evil.example'
 * oneLine('Invoice \u202Efdp.exe'); // 'Invoice fdp.exe'
 * ```
 */
export const oneLine = (text: string): string =>
  text.replace(/[\s\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]+/gu, ' ').trim();

/**
 * A multi-line text (a note, a message body) split into its lines, each made safe by {@link plainText}: the
 * caller prefixes every line (a quote bar, `>`), so no line of the text can pass for a line of the document.
 *
 * @example
 * ```ts
 * textLines('Hello\r\nState: Green'); // ['Hello', 'State: Green'] (to print as `| Hello` and `| State: Green`)
 * ```
 */
export const textLines = (text: string): string[] => text.split(LINE_BREAK).map(plainText);

/**
 * Record text made safe for Markdown: control characters as in {@link plainText}, `&`, `<` and `>` as numeric
 * references (Markdown passes raw HTML through), and markup characters (`*`, `_`, `[`, `]`, backticks, `|`, …)
 * backslash-escaped, so a name cannot become a link, an image, emphasis or a table cell.
 *
 * @example
 * ```ts
 * markdownText('[x](javascript:alert(1))'); // '\\[x\\]\\(javascript:alert\\(1\\)\\)'
 * ```
 */
export const markdownText = (text: string): string =>
  plainText(text)
    .replace(/[\\`*_[\]#|~!()]/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
