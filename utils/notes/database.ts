import Dexie, { type EntityTable } from 'dexie';
import type { Note } from './note';

export const DATABASE_NAME = 'sourcelight';

/**
 * The notes database. It lives in the extension's origin (background and extension pages);
 * content scripts reach it only through messages (see utils/messaging.ts).
 * Every schema change is a new `version(n)` with its upgrade, never an edit of an old one.
 */
export class NotesDatabase extends Dexie {
  notes!: EntityTable<Note, 'id'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      notes: 'id, url, site, createdAt, updatedAt, verdict, *tags',
    });
  }
}

let shared: NotesDatabase | null = null;

/** The one database instance of this extension page or background. */
export function notesDatabase(): NotesDatabase {
  shared ??= new NotesDatabase();
  return shared;
}
