/** Word, number, punctuation and quote tokens with their offsets: the unit every later step scans. */

export type TokenType = 'word' | 'punct' | 'quote';

export interface Token {
  start: number;
  end: number;
  type: TokenType;
  /** Lower-cased text with curly apostrophes folded to `'`. */
  lower: string;
  /** Starts with an upper-case letter (or digit run for numbers: false). */
  cap: boolean;
  /** A line break comes between the previous token and this one (a new paragraph or line). */
  nl: boolean;
  /** Index of the quotation region holding this token (set by `markQuotes`), or -1. */
  quote: number;
}

const DOUBLE_QUOTES = '"\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\u301D\u301E\uFF02';

function isQuoteChar(ch: string): boolean {
  return DOUBLE_QUOTES.includes(ch);
}

/**
 * Word characters as a regular-expression class: ASCII letters and digits, and the letters of most
 * scripts. Left out: general punctuation (dashes, quotes, zero-width characters), CJK punctuation,
 * surrogates (a pair is one punctuation token), the no-break space and BOM, and Latin-1's spacing and
 * punctuation signs (its other signs count as letters, so mojibake like `FranÃ§ois` stays one word).
 */
const WORD_CLASS =
  '0-9A-Za-z\\u00a2-\\u00aa\\u00ac-\\u00b6\\u00b8-\\u00ba\\u00bc-\\u00be\\u00c0-\\u1fff\\u2070-\\u2fff\\u3040-\\ud7ff\\ue000-\\ufefe\\uff00-\\uffff';
/**
 * A word at the search position: word characters, joined by joiners that a word character follows
 * (`don't`, `U.S`, `co-founder`, `3.5`, `AT&T`). The regular-expression engine scans the characters:
 * a character-by-character loop here was the detector's hottest code on its first, cold run.
 */
const WORD = new RegExp(`[${WORD_CLASS}]+(?:['\\u2019.\\-&][${WORD_CLASS}]+)*`, 'y');
/** Word text that lower-casing may change (anything but lower-case ASCII letters and joiners). */
const MAY_HAVE_UPPER = /[^a-z'.\-&\u2019]/;

/** Whitespace beyond ASCII that the tokenizer skips (tokenize decides ASCII characters inline). */
function isWideSpace(code: number): boolean {
  return code === 0xa0 || code === 0x2028 || code === 0x2029 || (code >= 0x2000 && code <= 0x200b) || code === 0x202f ||
    code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Characters that may join word parts: `don't`, `U.S.`, `co-founder`, `3.5`, `AT&T`. */
function isJoiner(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 46 || code === 45 || code === 38;
}

/** A word lower-cased, with a joiner `’` folded to `'` (most words need neither: no fresh string then). */
function lowerWord(raw: string): string {
  const lower = MAY_HAVE_UPPER.test(raw) ? raw.toLowerCase() : raw;
  return lower.includes('\u2019') ? lower.replace(/\u2019/g, "'") : lower;
}

const CONTRACTED = new Set(['he', 'she', 'it', 'they', 'who']);
const CLITICS = new Set(["'s", "'ve", "'d", "'ll", "'re"]);

/**
 * Tokenizes `text` (or its part [from, to)) in one pass. A word keeps an internal joiner only when a word character follows it,
 * except that a `.` after a single letter stays (`U.S.`, initials `C.`), so abbreviations stay whole.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const n = to;
  let i = from;
  // The part lower-cased at once (curly apostrophes folded), where that keeps every character at its
  // offset: then a word's lower form is a slice of it. Not where lower-casing changes lengths (`İ`)
  // or depends on the next letter (Greek final sigma): there each word is lower-cased on its own.
  const part = text.slice(from, to);
  let folded: string | null = part.toLowerCase();
  if (folded.length !== part.length || part.includes('\u03a3')) folded = null;
  else if (folded.includes('\u2019')) folded = folded.replace(/\u2019/g, "'");
  let nl = from > 0 && (text.charCodeAt(from - 1) === 10 || text.charCodeAt(from - 1) === 13);
  while (i < n) {
    const code = text.charCodeAt(i);
    // ASCII is decided here: a call per character made the test hot enough to be compiled on every page.
    if (code <= 32 ? code === 32 || (code >= 9 && code <= 13) : code >= 0xa0 && isWideSpace(code)) {
      if (code === 10 || code === 13 || code === 0x2028 || code === 0x2029) nl = true;
      i++;
      continue;
    }
    WORD.lastIndex = i;
    if (WORD.test(text)) {
      const start = i;
      i = WORD.lastIndex;
      // A word running past the end of the part: the word the part alone holds.
      if (i > n) {
        WORD.lastIndex = 0;
        WORD.test(text.slice(start, n));
        i = start + WORD.lastIndex;
      }
      // `U.S.` / `D.C.` / `C.`: keep a dot that closes a one-letter segment.
      if (i < n && text.charCodeAt(i) === 46 && (i - 1 === start || isJoiner(text.charCodeAt(i - 2)))) i++;
      const lower = folded !== null ? folded.slice(start - from, i - from) : lowerWord(text.slice(start, i));
      const cap = code < 128 ? code >= 65 && code <= 90 : text.charAt(start) !== lower.charAt(0);
      // `he's`, `they've`: a subject pronoun and its auxiliary are two tokens, as in `he has`.
      const apos = lower.indexOf("'");
      if (apos >= 2 && apos <= 4 && CONTRACTED.has(lower.slice(0, apos)) && CLITICS.has(lower.slice(apos))) {
        tokens.push({ start, end: start + apos, type: 'word', lower: lower.slice(0, apos), cap, nl, quote: -1 });
        tokens.push({ start: start + apos, end: i, type: 'word', lower: lower.slice(apos), cap: false, nl: false, quote: -1 });
        nl = false;
        continue;
      }
      tokens.push({
        start,
        end: i,
        type: 'word',
        lower,
        cap,
        nl,
        quote: -1,
      });
      nl = false;
      continue;
    }
    // `''` is a quotation mark in some newspaper archives (`''This isn't tax reform,'' said ...`).
    if (code === 39 && text.charCodeAt(i + 1) === 39) {
      tokens.push({ start: i, end: i + 2, type: 'quote', lower: "''", cap: false, nl, quote: -1 });
      nl = false;
      i += 2;
      continue;
    }
    // Surrogate pairs (emoji, rare scripts) form one punctuation token so spans never split a pair.
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    const ch = text.slice(i, i + width);
    tokens.push({ start: i, end: i + width, type: isQuoteChar(ch) ? 'quote' : 'punct', lower: ch, cap: false, nl, quote: -1 });
    nl = false;
    i += width;
  }
  return tokens;
}
