import type { TextQuoteSelector } from '../notes/note';

const CONTEXT_LENGTH = 32;

/** Collapses runs of whitespace as a reader sees them. */
const collapse = (text: string) => text.replace(/\s+/g, ' ');

/**
 * A W3C TextQuoteSelector for a range of the page: the quoted text and up to 32 characters
 * of context either side (whitespace collapsed), taken from within `root`.
 */
export function textQuoteFor(range: Range, root: Node): TextQuoteSelector {
  const doc = root.ownerDocument ?? (root as Document);
  const before = doc.createRange();
  before.setStart(root, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const after = doc.createRange();
  after.setStart(range.endContainer, range.endOffset);
  after.setEnd(root, root.childNodes.length);
  return {
    type: 'TextQuoteSelector',
    exact: collapse(range.toString()).trim(),
    prefix: collapse(before.toString()).slice(-CONTEXT_LENGTH).trimStart(),
    suffix: collapse(after.toString()).slice(0, CONTEXT_LENGTH).trimEnd(),
  };
}
