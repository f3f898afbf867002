import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotesDatabase } from '@/utils/notes/database';
import { notesToAnnotations } from '@/utils/notes/export-annotations';
import { notesToJson } from '@/utils/notes/export-json';
import { importNotes, parseNotesFile } from '@/utils/notes/import';
import type { Note } from '@/utils/notes/note';
import { InvalidNoteError } from '@/utils/notes/notes-store';
import { searchNotes } from '@/utils/notes/search';
import { describeStorageError } from '@/utils/notes/storage-error';
import { freshName, note } from './fixtures';

let db: NotesDatabase;
beforeEach(() => {
  db = new NotesDatabase(freshName());
});
afterEach(() => db.delete());

/** Notes with awkward content: every field used, odd Unicode, a lone surrogate cut from an emoji. */
function awkwardNotes(): Note[] {
  return [
    note({ createdAt: 1_700_000_000_001, updatedAt: 1_700_000_999_999, comment: 'plain', tags: [] }),
    note({
      createdAt: 1_700_000_000_002.5,
      comment: 'Ünïcödé, RTL עברית, emoji 👩🏽‍⚖️, zero-width\u200bjoiner, "quotes", <b>html</b>',
      quote: { type: 'TextQuoteSelector', exact: 'said 😀 so', prefix: 'end of \ud83d', suffix: '\ude00 start' },
      position: null,
      tags: ['x', 'with space', 'Ω'],
      claimSource: 'U.S. officials',
      claimKind: 'anonymous',
      verdict: 'disputed',
      title: '',
    }),
    note({ comment: '', verdict: 'supported', url: 'https://b.example/a?id=1', site: 'b.example' }),
  ];
}

const sorted = (notes: Note[]) => [...notes].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('round trips', () => {
  it.each([
    ['JSON', (notes: Note[]) => notesToJson(notes)],
    ['W3C JSON-LD', (notes: Note[]) => notesToAnnotations(notes)],
  ])('%s: export, import into an empty database, every note deep-equal', async (_, exportNotes) => {
    const notes = awkwardNotes();
    const parsed = parseNotesFile(exportNotes(notes));
    expect(parsed).toEqual({ ok: true, notes });
    expect(await importNotes(db, (parsed as { notes: Note[] }).notes)).toEqual({ added: 3, skipped: 0 });
    expect(sorted(await db.notes.toArray())).toEqual(sorted(notes));
    expect(await searchNotes(db, { text: 'unicode rtl' })).toHaveLength(1);
  });

  it('files a note with a tracking parameter or fragment under its normalized address', () => {
    const [n] = awkwardNotes();
    const file = JSON.parse(notesToJson([n!]));
    file.notes[0].url = 'https://WWW.example.com/news/story?utm_source=x#frag';
    file.notes[0].site = 'stale';
    expect(parseNotesFile(JSON.stringify(file))).toEqual({ ok: true, notes: [{ ...n, url: 'https://www.example.com/news/story', site: 'example.com' }] });
  });

  it('accepts a byte-order mark and a bare list of our annotations', () => {
    const notes = awkwardNotes();
    expect(parseNotesFile(`\uFEFF${notesToJson(notes)}`)).toEqual({ ok: true, notes });
    const items = JSON.parse(notesToAnnotations(notes)).first.items;
    expect(parseNotesFile(JSON.stringify(items))).toEqual({ ok: true, notes });
  });
});

describe('malformed files are refused whole, with a reason', () => {
  const good = () => JSON.parse(notesToJson(awkwardNotes()));
  const error = (text: string, options?: { maxLength?: number }) => {
    const result = parseNotesFile(text, options);
    expect(result.ok).toBe(false);
    return (result as { error: string }).error;
  };

  it('not JSON, empty, truncated, too large', () => {
    expect(error('hello')).toMatch(/not JSON/);
    expect(error('')).toMatch(/empty/);
    expect(error('  \n')).toMatch(/empty/);
    const text = notesToJson(awkwardNotes());
    expect(error(text.slice(0, text.length / 2))).toMatch(/cut short/);
    expect(error(text.slice(0, -3))).toMatch(/cut short/);
    expect(error(text, { maxLength: 100 })).toMatch(/too large/);
    expect(error('x'.repeat(50_000_001))).toMatch(/too large/);
  });

  it('wrong format or version', () => {
    expect(error(JSON.stringify({ format: 'other', notes: [] }))).toMatch(/not a Sourcelight notes file/);
    expect(error(JSON.stringify([1, 2]))).toMatch(/not a Sourcelight notes file/);
    expect(error(JSON.stringify({ ...good(), version: 2 }))).toMatch(/newer Sourcelight/);
    expect(error(JSON.stringify({ ...good(), version: '1' }))).toMatch(/Unknown .* version: "1"/);
    expect(error(JSON.stringify({ ...good(), notes: {} }))).toMatch(/no list of notes/);
    expect(error(JSON.stringify({ type: 'AnnotationCollection', first: { items: [] } }))).toMatch(/@context/);
  });

  it('reports the first bad record with its index and why', () => {
    const file = good();
    const many = Array.from({ length: 30 }, () => note());
    many[17] = { ...many[17]!, verdict: 'true' as never };
    many[20] = { ...many[20]!, createdAt: Number.NaN };
    expect(error(JSON.stringify({ ...file, notes: many }))).toBe('record 17: verdict must be one of unverified, supported, disputed, needs source');
    const cases: Array<[Partial<Note> | Record<string, unknown>, RegExp]> = [
      [{ id: 'not-a-uuid' }, /^record 1: id must be a lower-case UUID/],
      [{ url: 'javascript:alert(1)' }, /url must be an http\(s\) address/],
      [{ comment: 'x'.repeat(20_001) }, /comment is longer than 20000/],
      [{ quote: { type: 'TextQuoteSelector', exact: 'x'.repeat(10_001), prefix: '', suffix: '' } }, /quote.exact is longer than 10000/],
      [{ claimKind: 'secret' as never }, /claimKind must be one of named/],
      [{ createdAt: 1e300 }, /createdAt must be a time/],
      [{ updatedAt: '2026-01-01' as never }, /updatedAt must be a time/],
      [{ tags: ['a', 'a'] }, /tags\[1\] repeats/],
      [{ tags: [' a'] }, /tags\[0\] must be a non-empty tag/],
      [{ position: { type: 'TextPositionSelector', start: 5, end: 2 } }, /position.start is after its end/],
      [{ comment: '', quote: { type: 'TextQuoteSelector', exact: ' ', prefix: '', suffix: '' } }, /passage or a comment/],
    ];
    for (const [change, problem] of cases) {
      const notes = awkwardNotes();
      notes[1] = { ...notes[1]!, ...change } as Note;
      expect(error(notesToJson(notes))).toMatch(problem);
    }
    const extra = good();
    extra.notes[1].extra = 1;
    expect(error(JSON.stringify(extra))).toBe('record 1: extra is not expected');
    const missing = awkwardNotes() as Partial<Note>[];
    delete missing[2]!.verdict;
    expect(error(notesToJson(missing as Note[]))).toMatch(/^record 2: verdict must be one of/);
  });

  it('checks our annotations strictly too', () => {
    const collection = JSON.parse(notesToAnnotations(awkwardNotes()));
    const bad = (change: (items: Record<string, unknown>[]) => void) => {
      const copy = structuredClone(collection);
      change(copy.first.items);
      return error(JSON.stringify(copy));
    };
    expect(bad((items) => { items[1]!.id = 'http://x/1'; })).toMatch(/^record 1: id must be "urn:uuid:/);
    expect(bad((items) => { delete items[0]!.sourcelight; })).toMatch(/^record 0: sourcelight must be an object/);
    expect(bad((items) => { (items[2]!.body as unknown[]).pop(); })).toMatch(/^record 2: body must hold the verdict/);
    expect(bad((items) => { (items[2]!.body as unknown[]).push({ type: 'TextualBody', value: 'x', purpose: 'linking' }); })).toMatch(/purpose must be/);
    expect(bad((items) => { (items[0]!.target as { selector: unknown[] }).selector = []; })).toMatch(/one TextQuoteSelector/);
    expect(bad((items) => { (items[0]!.target as { source: string }).source = 'file:///etc/passwd'; })).toMatch(/^record 0: url must be an http/);
  });
});

describe('writing an import', () => {
  it('skips notes already stored, and repeats within the file, without doubling or overwriting', async () => {
    const [a, b, c] = awkwardNotes() as [Note, Note, Note];
    await importNotes(db, [a]);
    await db.notes.update(a.id, { comment: 'edited since the export' });
    expect(await importNotes(db, [a, b, b, c])).toEqual({ added: 2, skipped: 2 });
    expect(await importNotes(db, [a, b, c])).toEqual({ added: 0, skipped: 3 });
    expect(await db.notes.count()).toBe(3);
    expect((await db.notes.get(a.id))?.comment).toBe('edited since the export');
  });

  it('refuses invalid notes before writing anything', async () => {
    const notes = awkwardNotes();
    notes[2] = { ...notes[2]!, verdict: 'nope' as never };
    await expect(importNotes(db, notes)).rejects.toThrow(InvalidNoteError);
    expect(await db.notes.count()).toBe(0);
  });

  it('is all or nothing: a write failing at the 500th note leaves the database as it was', async () => {
    const before = [note({ comment: 'kept' })];
    await db.notes.bulkAdd(before);
    const many = Array.from({ length: 800 }, (_, i) => note({ comment: `imported ${i}` }));
    let seen = 0;
    const failAt500 = () => {
      if (++seen === 500) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.notes.hook('creating', failAt500);
    const error = await importNotes(db, many).catch((e: unknown) => e);
    db.notes.hook('creating').unsubscribe(failAt500);
    expect(seen).toBeGreaterThanOrEqual(500);
    expect(describeStorageError(error)).toMatch(/no space left/);
    expect(await db.notes.toArray()).toEqual(before);
    expect(await searchNotes(db, { text: 'imported' })).toEqual([]);
  });

  it('is all or nothing when the transaction is aborted midway', async () => {
    const many = Array.from({ length: 300 }, () => note());
    let seen = 0;
    const abortAt150 = () => {
      if (++seen === 150) Dexie.currentTransaction?.abort();
    };
    db.notes.hook('creating', abortAt150);
    const error = await importNotes(db, many).catch((e: unknown) => e);
    db.notes.hook('creating').unsubscribe(abortAt150);
    expect(error).toBeInstanceOf(Error);
    expect(await db.notes.count()).toBe(0);
  });

  it('reports a closed database clearly and writes nothing', async () => {
    db.close();
    const error = await importNotes(db, awkwardNotes()).catch((e: unknown) => e);
    expect(describeStorageError(error)).toMatch(/closed/);
    await db.open();
    expect(await db.notes.count()).toBe(0);
  });
});
