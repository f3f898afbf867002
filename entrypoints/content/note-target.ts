import type { NoteFields } from '@/components/NoteEditor';
import type { Claim } from '@/utils/attribution/types';
import type { Note, NoteDraft, TextPositionSelector, TextQuoteSelector } from '@/utils/notes/note';
import { canonicalPageUrl } from '@/utils/notes/page-url';
import { askBackground } from './ask-background';
import type { NoteTarget } from './overlay';

/** What a note is anchored to, and the claim it was made from, if any. */
export interface NoteAnchor {
  quote: TextQuoteSelector;
  position: TextPositionSelector | null;
  claim: Claim | null;
}

/** Sends the note to the background (which owns the database); resolves to a message for the reader, or null when saved. */
async function saveNote(doc: Document, anchor: NoteAnchor, fields: NoteFields): Promise<string | null> {
  const url = canonicalPageUrl(doc);
  if (!url) return 'Notes can only be kept on web pages (http or https).';
  const draft: NoteDraft = {
    ...fields,
    url,
    title: doc.title.slice(0, 1000),
    quote: anchor.quote,
    position: anchor.position,
    claimSource: anchor.claim?.source?.text ?? null,
    claimKind: anchor.claim?.kind ?? null,
  };
  const reply = await askBackground<Note>({ type: 'notes/save', draft });
  return reply.ok ? null : reply.error;
}

/** A new note on `anchor`; `onSaved` runs once the background has stored it. */
export function noteTarget(doc: Document, anchor: NoteAnchor, onSaved: () => void): NoteTarget {
  return {
    quote: anchor.quote.exact,
    save: async (fields) => {
      const error = await saveNote(doc, anchor, fields);
      if (!error) onSaved();
      return error;
    },
  };
}
