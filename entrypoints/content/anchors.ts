import type { Claim } from '@/utils/attribution/types';
import { describeSpan } from '@/utils/anchor/selectors';
import { bodyAnchor } from './selection-note';
import type { NoteAnchor } from './note-target';
import type { PageMarker } from './page-marker';

/** A note on a claim quotes the claim's sentence, anchored in the article text. */
export function claimAnchor(articleText: string, claim: Claim): NoteAnchor {
  return { ...describeSpan(articleText, claim.sentence.start, claim.sentence.end), claim };
}

/**
 * A note on a selection: anchored in the article text when the selection lies in it (so it
 * can be re-found when the page changes), otherwise quoted with context from the page body.
 */
export function selectionAnchor(doc: Document, marker: PageMarker, range: Range): NoteAnchor {
  const map = marker.textMap;
  const start = map?.offsetAt(range.startContainer, range.startOffset) ?? null;
  const end = map?.offsetAt(range.endContainer, range.endOffset) ?? null;
  if (start !== null && end !== null && end > start) {
    return { ...describeSpan(marker.articleText, start, end), claim: null };
  }
  return bodyAnchor(doc, range);
}
