import type { Note } from './note';

export const NOTES_FORMAT = 'sourcelight-notes';
export const NOTES_FORMAT_VERSION = 1;

export interface NotesFile {
  format: typeof NOTES_FORMAT;
  version: typeof NOTES_FORMAT_VERSION;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  notes: Note[];
}

/** Sourcelight's own export: every field of every note, lossless, versioned. Import reads it back. */
export function notesToJson(notes: readonly Note[], exportedAt: Date = new Date()): string {
  const file: NotesFile = {
    format: NOTES_FORMAT,
    version: NOTES_FORMAT_VERSION,
    exportedAt: exportedAt.toISOString(),
    notes: notes.map(({ id, url, site, title, quote, position, comment, verdict, tags, claimSource, claimKind, createdAt, updatedAt }) => ({
      id, url, site, title, quote, position, comment, verdict, tags, claimSource, claimKind, createdAt, updatedAt,
    })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
