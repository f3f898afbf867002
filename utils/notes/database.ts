import Dexie, { type EntityTable } from 'dexie';
import type { Note } from './note';
import { noteWords } from './words';

export const DATABASE_NAME = 'sourcelight';

/**
 * A note as stored: the note plus fields derived from it for indexing. The derived fields are
 * computed by the DBCore middleware below on every write and removed by the reading hook on every
 * read, so code outside this file only ever sees `Note`.
 */
export interface StoredNote extends Note {
  /** Lower-cased word tokens of comment, quote, title, tags and claim source (see words.ts). */
  words: string[];
  /** Each tag with the creation time (see `tagsByDate`), so one index lists a tag's notes newest first. */
  tagDates: string[];
}

/**
 * `tag`, a NUL, then the creation time as fixed-width decimal: sorting these strings sorts a tag's
 * notes by date. (IndexedDB cannot combine a multi-entry field with another in one index.)
 */
export function tagsByDate(note: Pick<Note, 'tags' | 'createdAt'>): string[] {
  const time = typeof note.createdAt === 'number' && note.createdAt >= 0 ? note.createdAt.toFixed(3).padStart(20, '0') : '';
  return Array.isArray(note.tags) ? note.tags.filter((tag) => typeof tag === 'string').map((tag) => `${tag}\u0000${time}`) : [];
}

/** The index-only fields of a note, derived from it. */
function derived(note: Note): Pick<StoredNote, 'words' | 'tagDates'> {
  return { words: noteWords(note), tagDates: tagsByDate(note) };
}

/** The schema of each version, frozen: a new version is added, an old one is never edited. */
export const SCHEMA = {
  1: { notes: 'id, url, site, createdAt, updatedAt, verdict, *tags' },
  2: {
    notes:
      'id, url, site, createdAt, updatedAt, verdict, *tags, *words, *tagDates, claimKind, [site+createdAt], [verdict+createdAt], [claimKind+createdAt]',
  },
} as const;

/**
 * The notes database. It lives in the extension's origin (background and extension pages);
 * content scripts reach it only through messages (see utils/messaging.ts).
 * Every schema change is a new `version(n)` with its upgrade, never an edit of an old one.
 */
export class NotesDatabase extends Dexie {
  notes!: EntityTable<Note, 'id'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores(SCHEMA[1]);
    // v2: full-text word index and compound indexes for search and review.
    this.version(2)
      .stores(SCHEMA[2])
      .upgrade((tx) =>
        tx
          .table('notes')
          .toCollection()
          .modify((note: StoredNote) => {
            Object.assign(note, derived(note));
          }),
      );

    // The one place derived fields are kept in step with the note: every add and put, whatever
    // made it (add, put, bulkAdd, update, modify, import), gets its derived fields recomputed here, on a copy
    // so the caller's object is left as it was.
    this.use({
      stack: 'dbcore',
      name: 'sourcelight-note-words',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          if (tableName !== 'notes') return table;
          return {
            ...table,
            mutate: (request) =>
              request.type === 'add' || request.type === 'put'
                ? table.mutate({ ...request, values: request.values.map((note: Note) => ({ ...note, ...derived(note) })) })
                : table.mutate(request),
          };
        },
      }),
    });
    // Reads never show them.
    this.notes.hook('reading', (note: Note) => {
      if (!note || !('words' in note)) return note;
      const { words: _words, tagDates: _tagDates, ...plain } = note as StoredNote;
      return plain;
    });
  }
}

let shared: NotesDatabase | null = null;

/** The one database instance of this extension page or background. */
export function notesDatabase(): NotesDatabase {
  shared ??= new NotesDatabase();
  return shared;
}

/** Thrown by `openNotesDatabase` when another tab of the extension keeps an older version open. */
export class UpgradeBlockedError extends Error {
  override name = 'UpgradeBlockedError';
  constructor() {
    super('The notes store cannot be upgraded while another Sourcelight tab or window still uses the old version.');
  }
}

/**
 * Opens the database, failing fast with `UpgradeBlockedError` instead of waiting silently when an
 * upgrade is blocked by another connection. The open itself goes on: once the other tabs close,
 * the database opens and later calls succeed.
 */
export function openNotesDatabase(db: NotesDatabase = notesDatabase()): Promise<NotesDatabase> {
  if (db.isOpen()) return Promise.resolve(db);
  return new Promise((resolve, reject) => {
    const onBlocked = (event: IDBVersionChangeEvent) => {
      if (event.newVersion && event.newVersion > event.oldVersion) reject(new UpgradeBlockedError());
    };
    db.on('blocked', onBlocked);
    db.open().then(
      () => resolve(db),
      (error: unknown) => reject(error),
    ).finally(() => db.on('blocked').unsubscribe(onBlocked));
  });
}
