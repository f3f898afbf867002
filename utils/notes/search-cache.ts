import Dexie from 'dexie';
import type { NotesDatabase, StoredNote } from './database';
import type { Note } from './note';
import { byNewest, noteMatcher, queryLimit, type NoteQuery } from './search';
import { noteWords, wordsOf } from './words';

/**
 * Above this many notes the cache stays off and every search asks IndexedDB (a copy of all notes
 * in memory would grow too large for a popup).
 */
export const MAX_CACHED_NOTES = 20_000;

/**
 * Every note in memory, newest first, so searching as the reader types takes a few milliseconds
 * instead of several IndexedDB round trips. Loaded on demand (one read of all records), dropped on
 * any change to the notes from any page of the extension and loaded again; while it is not loaded,
 * `search` answers null and the caller asks the database.
 */
export class NotesSearchCache {
  /** Stored records, newest first; null while not loaded. */
  private notes: StoredNote[] | null = null;
  /**
   * Per note, its words each preceded by a space: a query word is a prefix of one of them exactly
   * when " " + word occurs in it (words hold no spaces), one native substring search per note.
   */
  private wordLines: string[] = [];
  private loading = false;
  /** A change arrived during a load: that load's records may be old, so load again. */
  private changedWhileLoading = false;
  private wanted = false;
  private readonly listeners = new Set<() => void>();
  private readonly onMutation = (parts: Record<string, unknown>) => {
    const prefix = `idb://${this.db.name}/notes/`;
    if (!Object.keys(parts).some((part) => part.startsWith(prefix))) return;
    if (this.loading) this.changedWhileLoading = true;
    if (this.notes) {
      this.notes = null;
      this.wordLines = [];
      this.notify();
      void this.load();
    }
  };

  constructor(
    private readonly db: NotesDatabase,
    private readonly maxNotes = MAX_CACHED_NOTES,
  ) {
    Dexie.on('storagemutated', this.onMutation);
  }

  /** True when searches are answered from memory. */
  get ready(): boolean {
    return this.notes !== null;
  }

  /** Loads the notes, once (the reader is about to search). Failures leave searches to the database. */
  warm(): void {
    this.wanted = true;
    if (!this.notes) void this.load();
  }

  /** The notes matching the query, newest first, as `searchNotes` gives them; null when not loaded. */
  search(query: NoteQuery): Note[] | null {
    if (!this.notes) return null;
    const limit = queryLimit(query);
    const needles = wordsOf(query.text ?? '').map((word) => ` ${word}`);
    const matchesOthers = noteMatcher({ ...query, text: undefined });
    const found: Note[] = [];
    for (let i = 0; i < this.notes.length && found.length < limit; i++) {
      const line = this.wordLines[i];
      if (needles.every((needle) => line.includes(needle)) && matchesOthers(this.notes[i])) found.push(withoutIndexFields(this.notes[i]));
    }
    return found;
  }

  /** Calls `listener` whenever the cache is loaded or dropped. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    Dexie.on('storagemutated').unsubscribe(this.onMutation);
    this.listeners.clear();
    this.notes = null;
    this.wordLines = [];
    this.wanted = false;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  private async load(): Promise<void> {
    if (this.loading || !this.wanted) return;
    this.loading = true;
    try {
      do {
        this.changedWhileLoading = false;
        const records = await readAllStored(this.db, this.maxNotes);
        this.notes = records && !this.changedWhileLoading ? records.sort(byNewest) : null;
        this.wordLines = this.notes ? this.notes.map((note) => ` ${(Array.isArray(note.words) ? note.words : noteWords(note)).join(' ')}`) : [];
      } while (this.changedWhileLoading && this.wanted);
    } catch (error) {
      // The database answers each search itself; only the speed-up is lost.
      console.warn('Sourcelight could not load notes for quick search:', error);
      this.notes = null;
      this.wordLines = [];
    } finally {
      this.loading = false;
    }
    if (this.notes) this.notify();
  }
}

/**
 * Every stored record with its index fields, in one read; null when there are too many to keep.
 * Raw IndexedDB inside a Dexie transaction: Dexie's reading hook would strip the words search needs.
 */
async function readAllStored(db: NotesDatabase, maxNotes: number): Promise<StoredNote[] | null> {
  return db.transaction('r', db.notes, async (tx) => {
    if ((await db.notes.count()) > maxNotes) return null;
    const store = tx.idbtrans.objectStore('notes');
    return new Promise<StoredNote[]>((resolve, reject) => {
      const request = store.getAll();
      request.onsuccess = () => resolve(request.result as StoredNote[]);
      request.onerror = () => reject(request.error);
    });
  });
}

function withoutIndexFields(record: StoredNote): Note {
  const { words: _words, tagDates: _tagDates, ...note } = record;
  return note;
}
