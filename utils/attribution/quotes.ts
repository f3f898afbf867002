/** Quotation regions: which tokens sit inside a direct quote, paired per paragraph. */
import type { Token } from './tokens';

export interface QuoteRegion {
  /** Index of the opening quote token. */
  open: number;
  /** Index of the closing quote token, or of the paragraph's last token when unclosed. */
  close: number;
  closed: boolean;
}

const OPENERS = '\u201C\u201E\u201F\u00AB\u301D';
const CLOSERS = '\u201D\u00BB\u301E';

/**
 * Pairs quote marks inside each paragraph (a paragraph never closes another paragraph's quote; an
 * unclosed quote runs to the end of its paragraph, the newspaper convention for multi-paragraph quotes).
 * Sets `quote` on every token of a region (marks included) and returns the regions in order.
 * With `openAtStart`, the first token is already inside a quotation.
 */
export function markQuotes(tokens: Token[], openAtStart = false): QuoteRegion[] {
  const regions: QuoteRegion[] = [];
  // A block cut out of an overlong paragraph may begin inside a quotation opened before the cut.
  let open = openAtStart && tokens.length > 0 ? 0 : -1;
  const finish = (close: number, closed: boolean): void => {
    const id = regions.length;
    regions.push({ open, close, closed });
    for (let k = open; k <= close; k++) tokens[k].quote = id;
    open = -1;
  };
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].nl && open >= 0) finish(i - 1, false);
    const t = tokens[i];
    if (t.type !== 'quote' || (i === 0 && open === 0)) continue;
    const ch = t.lower;
    if (open < 0) {
      // A stray closer pairs with nothing, unless it is used as an opener: glued to the word after it at the
      // start of a paragraph or after a space (`”Mr. Trump embodies ...`).
      if (CLOSERS.includes(ch) && !((t.nl || i === 0 || tokens[i - 1].end < t.start) && i + 1 < tokens.length &&
        tokens[i + 1].start === t.end && tokens[i + 1].type === 'word')) continue;
      // A straight quote glued to the preceding word (`5'10"`, `word"`) closes nothing and opens nothing.
      if (!OPENERS.includes(ch) && i > 0 && tokens[i - 1].end === t.start && tokens[i - 1].type === 'word' &&
        !tokens[i].nl && (i + 1 >= tokens.length || tokens[i + 1].start > t.end)) continue;
      open = i;
    } else if (!OPENERS.includes(ch)) {
      finish(i, true);
    }
  }
  if (open >= 0) finish(tokens.length - 1, false);
  return regions;
}
