import { anchorNote } from '@/utils/anchor/reanchor';
import type { NoteEdit } from '@/utils/messaging';
import type { Note } from '@/utils/notes/note';
import { applyMarks, type Marks } from '@/utils/page/marks';
import type { TextMap } from '@/utils/page/text-map';
import { askBackground } from './ask-background';

/** A note placed on the page: where its passage is now in the article text. */
export interface PlacedNote {
  note: Note;
  start: number;
  end: number;
}

/**
 * The reader's notes on this page: fetched from the background, re-anchored in the current
 * article text (position, then exact, then fuzzy search) and highlighted. Notes whose passage
 * is gone are kept as orphans, to be listed, never dropped.
 */
export class PageNotes {
  private placed: PlacedNote[] = [];
  private orphaned: Note[] = [];
  private marks: Marks | null = null;

  constructor(private readonly doc: Document) {}

  get orphans(): readonly Note[] {
    return this.orphaned;
  }

  get notes(): readonly PlacedNote[] {
    return this.placed;
  }

  /** The notes filed under a page's canonical `url`. */
  async fetch(url: string): Promise<Note[]> {
    const reply = await askBackground<Note[]>({ type: 'notes/list', url });
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  }

  /** Places notes in the article text and highlights them (replacing earlier highlights). */
  place(notes: readonly Note[], text: string, map: TextMap): void {
    this.placed = [];
    this.orphaned = [];
    for (const note of notes) {
      const found = anchorNote(text, note.quote, note.position);
      if (found) this.placed.push({ note, start: found.start, end: found.end });
      else this.orphaned.push(note);
    }
    this.placed.sort((a, b) => a.start - b.start);
    this.marks?.remove();
    const requests = this.placed.flatMap(({ start, end }) => {
      const range = map.rangeFor(start, end);
      return range ? [{ kind: 'note' as const, range }] : [];
    });
    this.marks = applyMarks(this.doc, requests);
  }

  /** The placed note covering a text offset (the shortest, where notes overlap), if any. */
  noteAt(offset: number): PlacedNote | null {
    let best: PlacedNote | null = null;
    for (const placed of this.placed) {
      if (placed.start > offset) break;
      if (placed.end > offset && (!best || placed.end - placed.start < best.end - best.start)) best = placed;
    }
    return best;
  }

  byId(id: string): PlacedNote | null {
    return this.placed.find((placed) => placed.note.id === id) ?? null;
  }

  /** Saves the reader's changes; resolves to a message for the reader, or null when saved. */
  async update(id: string, changes: NoteEdit): Promise<string | null> {
    const reply = await askBackground<Note>({ type: 'notes/update', id, changes });
    if (!reply.ok) return reply.error;
    const placed = this.byId(id);
    if (placed) placed.note = reply.value;
    return null;
  }

  /** Deletes a note and takes its highlight away; resolves to a message for the reader, or null. */
  async remove(id: string, text: string, map: TextMap): Promise<string | null> {
    const reply = await askBackground<Note>({ type: 'notes/delete', id });
    if (!reply.ok) return reply.error;
    this.place(
      [...this.placed.map((placed) => placed.note), ...this.orphaned].filter((note) => note.id !== id),
      text,
      map,
    );
    return null;
  }

  clear(): void {
    this.marks?.remove();
    this.marks = null;
    this.placed = [];
    this.orphaned = [];
  }
}
