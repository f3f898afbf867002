/**
 * The tokenizer as it was written first: a loop over every character. tokens.test.ts checks that the
 * tokenizer, which leaves the scanning of words to a regular expression, gives exactly its tokens.
 */
import type { Token } from '../../../utils/attribution/tokens';

const DOUBLE_QUOTES = '"\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\u301D\u301E\uFF02';

function isQuoteChar(ch: string): boolean {
  return DOUBLE_QUOTES.includes(ch);
}

export function isWordChar(code: number): boolean {
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  }
  // Letters of most scripts; excludes punctuation blocks, spaces, quotes and surrogates checked below.
  if (code >= 0x2000 && code <= 0x206f) return false; // general punctuation (dashes, quotes, ZW chars)
  if (code >= 0xd800 && code <= 0xdfff) return false;
  if (code === 0xa0 || code === 0xab || code === 0xbb || code === 0xfeff || code === 0x3000) return false;
  if (code >= 0x3000 && code <= 0x303f) return false;
  // Latin-1 signs count as letters except spacing and punctuation (mojibake like `FranÃ§ois` stays one word).
  if (code < 0xc0) return code > 0xa0 && code !== 0xab && code !== 0xbb && code !== 0xa1 && code !== 0xbf && code !== 0xb7;
  return true;
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2028 || code === 0x2029 ||
    (code >= 0x2000 && code <= 0x200b) || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Characters that may join word parts: `don't`, `U.S.`, `co-founder`, `3.5`, `AT&T`. */
function isJoiner(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 46 || code === 45 || code === 38;
}

const CONTRACTED = new Set(['he', 'she', 'it', 'they', 'who']);
const CLITICS = new Set(["'s", "'ve", "'d", "'ll", "'re"]);

/**
 * Tokenizes `text` (or its part [from, to)) in one pass. A word keeps an internal joiner only when a word character follows it,
 * except that a `.` after a single letter stays (`U.S.`, initials `C.`), so abbreviations stay whole.
 */
export function referenceTokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const n = to;
  let i = from;
  let nl = from > 0 && (text.charCodeAt(from - 1) === 10 || text.charCodeAt(from - 1) === 13);
  while (i < n) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      if (code === 10 || code === 13 || code === 0x2028 || code === 0x2029) nl = true;
      i++;
      continue;
    }
    if (isWordChar(code)) {
      const start = i;
      i++;
      let segStart = start;
      let curly = false;
      let apostrophe = false;
      // Whether any character may be upper case: most words need no lower-casing (a fresh string each).
      let cased = code < 97 || code > 122;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (isWordChar(c)) {
          if (c < 97 || c > 122) cased = true;
          i++;
          continue;
        }
        if (isJoiner(c) && i + 1 < n && isWordChar(text.charCodeAt(i + 1))) {
          if (c === 0x2019) curly = true;
          if (c === 39 || c === 0x2019) apostrophe = true;
          i++;
          segStart = i;
          continue;
        }
        // `U.S.` / `D.C.` / `C.`: keep a dot that closes a one-letter segment.
        if (c === 46 && i - segStart === 1) i++;
        break;
      }
      const raw = text.slice(start, i);
      let lower = cased ? raw.toLowerCase() : raw;
      if (curly) lower = lower.replace(/\u2019/g, "'");
      const cap = code < 128 ? code >= 65 && code <= 90 : raw.charAt(0) !== lower.charAt(0);
      // `he's`, `they've`: a subject pronoun and its auxiliary are two tokens, as in `he has`.
      const apos = apostrophe ? lower.indexOf("'") : -1;
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
