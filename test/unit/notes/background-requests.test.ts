import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleBackgroundRequest, type BackgroundContext } from '@/utils/background-requests';
import type { PageSummary } from '@/utils/messaging';
import { NotesDatabase } from '@/utils/notes/database';
import type { Note } from '@/utils/notes/note';
import { draft } from './draft';

const EXTENSION_ID = 'sourcelight-test';
const fromContentScript = { id: EXTENSION_ID, tab: { id: 7 } };

describe('the background answers notes requests', () => {
  let db: NotesDatabase;
  let summaries: Array<[number, PageSummary]>;
  let context: BackgroundContext;

  beforeEach(() => {
    db = new NotesDatabase(`test-${Math.random()}`);
    summaries = [];
    context = { extensionId: EXTENSION_ID, database: () => db, onPageSummary: (tab, summary) => summaries.push([tab, summary]) };
  });
  afterEach(() => db.delete());

  it('saves a note with an id, site and times it decides itself, and lists it for its page', async () => {
    const saved = await handleBackgroundRequest(context, { type: 'notes/save', draft: draft() }, fromContentScript);
    expect(saved.ok).toBe(true);
    const note = (saved as { value: Note }).value;
    expect(note.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(note.url).toBe('https://www.example.com/news/story');
    expect(note.site).toBe('example.com');
    expect(note.createdAt).toBe(note.updatedAt);

    const listed = await handleBackgroundRequest(context, { type: 'notes/list', url: 'https://www.example.com/news/story#x' }, fromContentScript);
    expect(listed).toEqual({ ok: true, value: [note] });
    expect(await db.notes.count()).toBe(1);
  });

  it('refuses messages from anything but this extension', async () => {
    const reply = await handleBackgroundRequest(context, { type: 'notes/save', draft: draft() }, { id: 'another-extension', tab: { id: 1 } });
    expect(reply).toEqual({ ok: false, error: 'refused: not from this extension' });
    expect(await db.notes.count()).toBe(0);
  });

  it('refuses an invalid draft and writes nothing', async () => {
    const reply = await handleBackgroundRequest(context, { type: 'notes/save', draft: { ...draft(), id: 'forged' } }, fromContentScript);
    expect(reply.ok).toBe(false);
    const empty = await handleBackgroundRequest(context, { type: 'notes/save', draft: draft({ comment: ' ', quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' } }) }, fromContentScript);
    expect(empty).toEqual({ ok: false, error: 'A note needs a passage or a comment.' });
    const local = await handleBackgroundRequest(context, { type: 'notes/save', draft: draft({ url: 'file:///home/me/a.html' }) }, fromContentScript);
    expect(local).toEqual({ ok: false, error: 'A note needs the http(s) address of its page.' });
    expect(await db.notes.count()).toBe(0);
  });

  it('reports a closed database as a clear message, not a crash', async () => {
    db.close();
    const reply = await handleBackgroundRequest(context, { type: 'notes/save', draft: draft() }, fromContentScript);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(/closed|cannot open/);
  });

  it('passes a tab summary on for the badge, only from a tab', async () => {
    const summary: PageSummary = {
      url: null,
      title: 't',
      site: 'example.com',
      isArticle: true,
      marked: true,
      disabled: false,
      counts: { named: 3, anonymous: 1, vague: 1, 'non-response': 0 },
      sources: [{ label: 'officials', kind: 'anonymous', claims: [0] }],
      orphanNoteIds: [],
    };
    expect(await handleBackgroundRequest(context, { type: 'page/summary', summary }, fromContentScript)).toEqual({ ok: true, value: null });
    expect(summaries).toEqual([[7, summary]]);
    expect((await handleBackgroundRequest(context, { type: 'page/summary', summary }, { id: EXTENSION_ID })).ok).toBe(false);
  });
});
