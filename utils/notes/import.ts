import type { NotesDatabase } from './database';
import { ANNOTATION_CONTEXT, EXTENSION_PROPERTY } from './export-annotations';
import { NOTES_FORMAT, NOTES_FORMAT_VERSION } from './export-json';
import type { Note, TextPositionSelector, TextQuoteSelector, Verdict } from './note';
import { InvalidNoteError } from './notes-store';
import { normalizePageUrl, siteOf } from './page-url';
import { validateNote } from './validate';

/** Largest file accepted, in characters (a note is at most ~35,000; this holds thousands). */
export const MAX_IMPORT_LENGTH = 50_000_000;
export const MAX_IMPORT_NOTES = 100_000;

export type ParsedNotes = { ok: true; notes: Note[] } | { ok: false; error: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether JSON text ends inside a string or an open object/list: a file cut short. */
function looksTruncated(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return inString || depth > 0;
}

/**
 * Reads a notes file: Sourcelight's JSON export or its W3C Web Annotation (JSON-LD) export.
 * The whole file is checked before anything is returned; the first bad record is reported with its
 * index (from 0) and the problem. Nothing here touches the database. A note whose address is not in
 * normalized form (tracking parameters, fragment) is filed under the normalized address.
 */
export function parseNotesFile(text: string, { maxLength = MAX_IMPORT_LENGTH }: { maxLength?: number } = {}): ParsedNotes {
  if (typeof text !== 'string') return { ok: false, error: 'The file could not be read as text.' };
  if (text.length > maxLength) {
    return { ok: false, error: `The file is too large to import (over ${(maxLength / 1_000_000).toLocaleString('en')} million characters).` };
  }
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return { ok: false, error: 'The file is empty.' };
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    if (looksTruncated(body)) return { ok: false, error: 'The file is cut short (incomplete JSON). Export it again.' };
    return { ok: false, error: 'The file is not JSON. Choose a Sourcelight notes export (.json or .jsonld).' };
  }

  let records: unknown[];
  let fromAnnotation: ((value: unknown) => { note?: unknown; error?: string }) | null = null;
  if (isObject(data) && data.format === NOTES_FORMAT) {
    if (data.version !== NOTES_FORMAT_VERSION) {
      return typeof data.version === 'number' && data.version > NOTES_FORMAT_VERSION
        ? { ok: false, error: `The file was made by a newer Sourcelight (format version ${data.version}). Update Sourcelight to import it.` }
        : { ok: false, error: `Unknown Sourcelight notes format version: ${JSON.stringify(data.version)}.` };
    }
    if (!Array.isArray(data.notes)) return { ok: false, error: 'The file has no list of notes.' };
    records = data.notes;
  } else if (isObject(data) && data.type === 'AnnotationCollection') {
    if (!contextOk(data['@context'])) return { ok: false, error: `The annotation collection must have the @context ${ANNOTATION_CONTEXT}.` };
    const page = data.first;
    if (!isObject(page) || !Array.isArray(page.items)) return { ok: false, error: 'The annotation collection has no page of items.' };
    records = page.items;
    fromAnnotation = annotationToNote;
  } else if (Array.isArray(data) && data.every((item) => isObject(item) && item.type === 'Annotation')) {
    records = data;
    fromAnnotation = annotationToNote;
  } else {
    return { ok: false, error: 'This is not a Sourcelight notes file (expected "format": "sourcelight-notes" or a W3C annotation collection).' };
  }
  if (records.length > MAX_IMPORT_NOTES) {
    return { ok: false, error: `The file holds ${records.length} notes; at most ${MAX_IMPORT_NOTES} can be imported at once.` };
  }

  const notes: Note[] = [];
  for (let i = 0; i < records.length; i++) {
    let record = records[i];
    if (fromAnnotation) {
      const converted = fromAnnotation(record);
      if (converted.error) return { ok: false, error: `record ${i}: ${converted.error}` };
      record = converted.note;
    }
    const problem = validateNote(record);
    if (problem) return { ok: false, error: `record ${i}: ${problem}` };
    const note = record as Note;
    // Filed under today's form of its address, so it shows on its page (a no-op for our own exports).
    const url = normalizePageUrl(note.url)!;
    notes.push(url === note.url ? note : { ...note, url, site: siteOf(url) });
  }
  return { ok: true, notes };
}

const contextOk = (context: unknown) =>
  context === ANNOTATION_CONTEXT || (Array.isArray(context) && context.includes(ANNOTATION_CONTEXT));

const EXTENSION_FIELDS = ['title', 'site', 'claimSource', 'claimKind', 'createdAt', 'updatedAt'];

/** Reads back one annotation written by `noteToAnnotation`. */
function annotationToNote(value: unknown): { note?: unknown; error?: string } {
  if (!isObject(value) || value.type !== 'Annotation') return { error: 'must be an Annotation' };
  if (typeof value.id !== 'string' || !value.id.startsWith('urn:uuid:')) return { error: 'id must be "urn:uuid:…"' };
  const extra = value[EXTENSION_PROPERTY];
  if (!isObject(extra)) return { error: `${EXTENSION_PROPERTY} must be an object (only Sourcelight's own annotations can be imported)` };
  const unexpected = Object.keys(extra).find((key) => !EXTENSION_FIELDS.includes(key));
  if (unexpected) return { error: `${EXTENSION_PROPERTY}.${unexpected} is not expected` };
  const target = value.target;
  if (!isObject(target) || !Array.isArray(target.selector)) return { error: 'target must have a source and a list of selectors' };
  const quotes = target.selector.filter((s) => isObject(s) && s.type === 'TextQuoteSelector');
  const positions = target.selector.filter((s) => isObject(s) && s.type === 'TextPositionSelector');
  if (quotes.length !== 1 || positions.length > 1 || quotes.length + positions.length !== target.selector.length) {
    return { error: 'target.selector must hold one TextQuoteSelector and at most one TextPositionSelector' };
  }
  if (!Array.isArray(value.body)) return { error: 'body must be a list' };
  let comment = '';
  let verdict: unknown;
  const tags: unknown[] = [];
  for (const [i, body] of value.body.entries()) {
    if (!isObject(body) || body.type !== 'TextualBody') return { error: `body[${i}] must be a TextualBody` };
    if (body.purpose === 'commenting') {
      if (comment) return { error: `body[${i}] is a second comment` };
      comment = body.value as string;
    }
    else if (body.purpose === 'tagging') tags.push(body.value);
    else if (body.purpose === 'assessing') verdict = body.value;
    else return { error: `body[${i}].purpose must be commenting, tagging or assessing` };
  }
  if (verdict === undefined) return { error: 'body must hold the verdict (purpose "assessing")' };
  return {
    note: {
      id: value.id.slice('urn:uuid:'.length),
      url: target.source,
      site: extra.site,
      title: extra.title,
      quote: quotes[0] as unknown as TextQuoteSelector,
      position: (positions[0] as unknown as TextPositionSelector | undefined) ?? null,
      comment,
      verdict: verdict as Verdict,
      tags,
      claimSource: extra.claimSource,
      claimKind: extra.claimKind,
      createdAt: extra.createdAt,
      updatedAt: extra.updatedAt,
    },
  };
}

/**
 * Writes imported notes in one transaction: all of them or, on any failure, none.
 * A note whose id is already stored (or repeats in the list) is skipped, never doubled or overwritten.
 */
export async function importNotes(db: NotesDatabase, notes: readonly Note[]): Promise<{ added: number; skipped: number }> {
  for (const [i, note] of notes.entries()) {
    const problem = validateNote(note);
    if (problem) throw new InvalidNoteError(`record ${i}: ${problem}`);
  }
  return db.transaction('rw', db.notes, async () => {
    const ids = notes.map((note) => note.id);
    const existing = new Set(await db.notes.where(':id').anyOf(ids).primaryKeys());
    const fresh: Note[] = [];
    for (const note of notes) {
      if (existing.has(note.id)) continue;
      existing.add(note.id);
      fresh.push(structuredClone(note));
    }
    await db.notes.bulkAdd(fresh);
    return { added: fresh.length, skipped: notes.length - fresh.length };
  });
}
