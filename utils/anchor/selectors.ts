import type { TextPositionSelector, TextQuoteSelector } from '../notes/note';

/** Characters of context kept either side of a quote (before trimming to a word boundary). */
export const CONTEXT_LENGTH = 32;

const isSpace = (ch: string) => ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\f';
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when offset falls between the two halves of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isLowSurrogate(text.charCodeAt(offset)) &&
    isHighSurrogate(text.charCodeAt(offset - 1));
}

/** Up to CONTEXT_LENGTH characters before `start`, without a cut-off word at its beginning. */
function prefixBefore(text: string, start: number): string {
  let from = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsPair(text, from)) from += 1;
  let prefix = text.slice(from, start);
  if (from > 0 && !isSpace(text[from - 1])) {
    // A partial word is noise; drop it when the window holds a word boundary at all (CJK text may not).
    const cut = prefix.search(/\s/);
    if (cut > 0) prefix = prefix.slice(cut);
  }
  return prefix.trimStart();
}

/** Up to CONTEXT_LENGTH characters after `end`, without a cut-off word at its end. */
function suffixAfter(text: string, end: number): string {
  let to = Math.min(text.length, end + CONTEXT_LENGTH);
  if (splitsPair(text, to)) to -= 1;
  let suffix = text.slice(end, to);
  if (to < text.length && !isSpace(text[to])) {
    const cut = Math.max(suffix.lastIndexOf(' '), suffix.lastIndexOf('\n'));
    if (cut > 0) suffix = suffix.slice(0, cut + 1);
  }
  return suffix.trimEnd();
}

/**
 * The W3C selectors for text[start, end) of the article text: the quote with up to 32 characters of
 * context either side (cut at word boundaries), and its position. Offsets are clamped to the text,
 * moved off the middle of surrogate pairs, and whitespace at either edge of the span is left out, so
 * `exact` is what the reader sees and `position` indexes exactly `exact`.
 */
export function describeSpan(
  text: string,
  start: number,
  end: number,
): { quote: TextQuoteSelector; position: TextPositionSelector } {
  start = Math.max(0, Math.min(text.length, Math.floor(start) || 0));
  end = Math.max(start, Math.min(text.length, Math.ceil(end) || 0));
  if (splitsPair(text, start)) start -= 1;
  if (splitsPair(text, end)) end += 1;
  while (start < end && isSpace(text[start])) start += 1;
  while (end > start && isSpace(text[end - 1])) end -= 1;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: prefixBefore(text, start),
      suffix: suffixAfter(text, end),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
