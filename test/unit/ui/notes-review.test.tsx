// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { NotesReview, PAGE_SIZE } from '@/components/NotesReview';
import { UndoBar } from '@/components/UndoBar';
import { useNoteActions } from '@/components/use-note-actions';
import { NotesDatabase } from '@/utils/notes/database';
import type { Note } from '@/utils/notes/note';
import * as search from '@/utils/notes/search';
import { freshName, note, testId } from '../notes/fixtures';
import { button, choose, click, mount, shownIds, type, until } from './helpers';

vi.mock('@/utils/notes/search', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/utils/notes/search')>();
  return { ...actual, searchNotes: vi.fn(actual.searchNotes) };
});

const now = new Date(2026, 10, 27, 12, 0).getTime();
const at = (days: number, hours = 9) => new Date(2026, 10, 27 - days, hours, 0).getTime();

let db: NotesDatabase;
let unmount: (() => void) | null = null;

beforeEach(async () => {
  db = new NotesDatabase(freshName());
  await db.open();
  vi.mocked(search.searchNotes).mockClear();
});
afterEach(async () => {
  unmount?.();
  unmount = null;
  vi.useRealTimers();
  db.close();
});

const sample: Note[] = [
  note({ id: testId(101), site: 'nytimes.com', url: 'https://nytimes.com/a', title: 'Budget talks', comment: 'who are the officials?', verdict: 'needs source', tags: ['anonymous'], createdAt: at(0, 11), updatedAt: at(0, 11), claimSource: 'U.S. officials', claimKind: 'anonymous' }),
  note({ id: testId(102), site: 'bbc.co.uk', url: 'https://bbc.co.uk/b', title: 'Storm', comment: 'checked with the met office', verdict: 'supported', tags: ['weather'], createdAt: at(0, 10), updatedAt: at(0, 10), quote: { type: 'TextQuoteSelector', exact: 'the forecast said', prefix: '', suffix: '' } }),
  note({ id: testId(103), site: 'nytimes.com', url: 'https://nytimes.com/c', title: 'Markets', comment: 'disputed by the company', verdict: 'disputed', tags: [], createdAt: at(1), updatedAt: at(1) }),
  note({ id: testId(104), site: 'bbc.co.uk', url: 'https://bbc.co.uk/d', title: 'Elections', comment: '<img src=x onerror="alert(1)"> officials again', verdict: 'unverified', tags: ['anonymous', 'politics'], createdAt: at(30), updatedAt: at(30) }),
];

function Review() {
  const [actions, undo] = useNoteActions(() => db, 300);
  return (
    <>
      <NotesReview db={() => db} actions={actions} now={now} />
      <UndoBar state={undo} />
    </>
  );
}

async function show(notes: Note[] = sample) {
  await db.notes.bulkAdd(notes);
  const mounted = mount(<Review />);
  unmount = mounted.unmount;
  await until(() => expect(shownIds(mounted.container)).toHaveLength(Math.min(notes.length, PAGE_SIZE)));
  return mounted.container;
}

const headings = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((h) => h.textContent);

describe('the notes review', () => {
  it('groups notes by day then site, newest first, and by site then day', async () => {
    const root = await show();
    expect(headings(root, '.group-heading').slice(0, 2)).toEqual(['Today', 'Yesterday']);
    expect(headings(root, '.group-heading')).toHaveLength(3);
    expect(headings(root.querySelector('.note-group')!, '.subgroup-heading')).toEqual(['nytimes.com', 'bbc.co.uk']);
    expect(shownIds(root)).toEqual([testId(101), testId(102), testId(103), testId(104)]);

    click(root.querySelector('input[name=grouping][value=site]'));
    await until(() => expect(headings(root, '.group-heading')).toEqual(['nytimes.com', 'bbc.co.uk']));
    expect(shownIds(root)).toEqual([testId(101), testId(103), testId(102), testId(104)]);
  });

  it('shows every part of a note, page text as text only', async () => {
    const root = await show();
    const first = root.querySelector('[data-note-id="' + testId(101) + '"]')!;
    expect(first.querySelector('.note-quote')!.textContent).toBe('officials said');
    expect(first.querySelector('.note-comment')!.textContent).toBe('who are the officials?');
    expect(first.querySelector('.verdict')!.textContent).toBe('needs source');
    expect(first.querySelector('.tag')!.textContent).toBe('anonymous');
    expect(first.querySelector('.note-claim')!.textContent).toBe('source: U.S. officials (anonymous)');
    expect(first.querySelector('.note-site')!.textContent).toBe('nytimes.com');
    expect(first.querySelector('.note-title')!.textContent).toBe('Budget talks');
    expect(first.querySelector('time')!.getAttribute('datetime')).toBe(new Date(at(0, 11)).toISOString());
    const hostile = root.querySelector('[data-note-id="' + testId(104) + '"] .note-comment')!;
    expect(hostile.textContent).toContain('<img src=x');
    expect(root.querySelector('img')).toBeNull();
  });

  it('searches comment, passage and title through searchNotes, debounced and always limited', async () => {
    const root = await show();
    const calls = () => vi.mocked(search.searchNotes).mock.calls.map(([, query]) => query!);
    const before = calls().length;
    const input = root.querySelector('input[name=search]');
    type(input, 'o');
    type(input, 'of');
    type(input, 'officials');
    // The comments of 101 and 104, the passage of 103 ("officials said").
    await until(() => expect(shownIds(root)).toEqual([testId(101), testId(103), testId(104)]));
    // One search for the settled text, not one per keystroke.
    const typed = calls().slice(before).filter((query) => query.text);
    expect(typed.map((query) => query.text)).toEqual(['officials']);
    expect(calls().every((query) => typeof query.limit === 'number' && query.limit <= PAGE_SIZE + 1)).toBe(true);
    expect(root.querySelector('.results')!.getAttribute('data-results-for')).toBe('officials');

    type(input, 'forecast'); // the passage
    await until(() => expect(shownIds(root)).toEqual([testId(102)]));
    type(input, 'markets'); // the title
    await until(() => expect(shownIds(root)).toEqual([testId(103)]));
    type(input, 'zebra');
    await until(() => expect(root.querySelector('.result-count')!.textContent).toBe('No notes match.'));
  });

  it('answers from memory once the reader reaches for the search box, and still follows changes', async () => {
    const root = await show();
    const input = root.querySelector('input[name=search]')!;
    input.dispatchEvent(new Event('focus'));
    await until(() => expect(root.querySelector('form[role=search]')!.getAttribute('data-quick-search')).toBe('ready'));
    const before = vi.mocked(search.searchNotes).mock.calls.length;
    type(input, 'officials');
    await until(() => expect(shownIds(root)).toEqual([testId(101), testId(103), testId(104)]));
    expect(vi.mocked(search.searchNotes).mock.calls.length).toBe(before);

    // A change from anywhere (here, straight to the database) shows at once and in the results.
    await db.notes.delete(testId(103));
    await until(() => expect(shownIds(root)).toEqual([testId(101), testId(104)]));
    await until(() => expect(root.querySelector('form[role=search]')!.getAttribute('data-quick-search')).toBe('ready'));
    type(input, 'officials again');
    await until(() => expect(shownIds(root)).toEqual([testId(104)]));
  });

  it('filters by verdict, kind, site and tag, with site and tag lists from the notes', async () => {
    const root = await show();
    choose(root.querySelector('select[name=verdict]'), 'supported');
    await until(() => expect(shownIds(root)).toEqual([testId(102)]));
    choose(root.querySelector('select[name=verdict]'), '');
    await until(() => expect(shownIds(root)).toHaveLength(4));

    choose(root.querySelector('select[name=kind]'), 'anonymous');
    await until(() => expect(shownIds(root)).toEqual([testId(101)]));
    choose(root.querySelector('select[name=kind]'), '');

    const siteSelect = root.querySelector<HTMLSelectElement>('select[name=site]')!;
    siteSelect.dispatchEvent(new Event('focus'));
    await until(() => expect([...siteSelect.options].map((o) => o.value)).toEqual(['', 'bbc.co.uk', 'nytimes.com']));
    choose(siteSelect, 'bbc.co.uk');
    await until(() => expect(shownIds(root)).toEqual([testId(102), testId(104)]));

    const tagSelect = root.querySelector<HTMLSelectElement>('select[name=tag]')!;
    await until(() => expect([...tagSelect.options].map((o) => o.value)).toEqual(['', 'anonymous', 'politics', 'weather']));
    choose(tagSelect, 'anonymous');
    await until(() => expect(shownIds(root)).toEqual([testId(104)]));
    // Reaching for a filter loaded the notes into memory: these queries were answered there.
    expect(root.querySelector('form[role=search]')!.getAttribute('data-quick-search')).toBe('ready');

    click(button(root, 'Clear search and filters'));
    await until(() => expect(shownIds(root)).toHaveLength(4));
  });

  it('reads one page of notes at a time', async () => {
    const many = Array.from({ length: PAGE_SIZE * 2 + 5 }, (_, i) => note({ id: testId(1000 + i), createdAt: at(0, 11) - i * 60_000, updatedAt: at(0, 11) }));
    const root = await show(many);
    expect(shownIds(root)).toHaveLength(PAGE_SIZE);
    expect(shownIds(root)[0]).toBe(testId(1000));
    click(button(root, 'Show more'));
    await until(() => expect(shownIds(root)).toHaveLength(PAGE_SIZE * 2));
    click(button(root, 'Show more'));
    await until(() => expect(shownIds(root)).toHaveLength(PAGE_SIZE * 2 + 5));
    expect(button(root, 'Show more')).toBeNull();
  });

  it('edits a note in place', async () => {
    const root = await show();
    const item = () => root.querySelector(`[data-note-id="${testId(103)}"]`)!;
    click(button(item(), 'Edit'));
    const form = item().querySelector('form')!;
    expect(form.querySelector('label[for]')!.textContent).toBe('Comment');
    type(form.querySelector('textarea[name=comment]'), 'the company denies it');
    choose(form.querySelector('select[name=verdict]'), 'supported');
    type(form.querySelector('input[name=tags]'), 'denial,  company , denial');
    click(button(form, 'Save'));
    await until(() => expect(item().querySelector('.note-comment')?.textContent).toBe('the company denies it'));
    expect(item().querySelector('.verdict')!.textContent).toBe('supported');
    const stored = (await db.notes.get(testId(103)))!;
    expect(stored).toMatchObject({ comment: 'the company denies it', verdict: 'supported', tags: ['denial', 'company'] });
    expect(stored.updatedAt).toBeGreaterThan(stored.createdAt);
  });

  it('refuses an edit that would leave the note empty, saying why', async () => {
    const root = await show([note({ id: testId(200), quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' }, comment: 'only a comment', createdAt: at(0), updatedAt: at(0) })]);
    click(button(root, 'Edit'));
    type(root.querySelector('textarea[name=comment]'), '   ');
    click(button(root, 'Save'));
    await until(() => expect(root.querySelector('[role=alert]')?.textContent).toContain('needs a passage or a comment'));
    expect((await db.notes.get(testId(200)))!.comment).toBe('only a comment');
  });

  it('deletes with an undo that puts the note back as it was', async () => {
    const root = await show();
    const original = await db.notes.get(testId(102));
    click(button(root.querySelector(`[data-note-id="${testId(102)}"]`)!, 'Delete'));
    await until(() => expect(shownIds(root)).not.toContain(testId(102)));
    expect(await db.notes.get(testId(102))).toBeUndefined();
    expect(root.querySelector('.undo')!.textContent).toContain('Note deleted.');
    // Focus left with the note's Delete button: it is given to Undo.
    await until(() => expect(document.activeElement).toBe(button(root, 'Undo')));
    click(button(root, 'Undo'));
    await until(() => expect(shownIds(root)).toContain(testId(102)));
    expect(await db.notes.get(testId(102))).toEqual(original);
    expect(root.querySelector('.undo')).toBeNull();
  });

  it('stops offering undo after a while', async () => {
    const root = await show();
    click(button(root.querySelector(`[data-note-id="${testId(101)}"]`)!, 'Delete'));
    await until(() => expect(root.querySelector('.undo')).not.toBeNull());
    // The test's undo window is 300 ms.
    await until(() => expect(root.querySelector('.undo')).toBeNull(), 2000);
    expect(await db.notes.get(testId(101))).toBeUndefined();
  });

  it("opens a note's page with the fragment the content script scrolls to", async () => {
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    const root = await show();
    click(button(root.querySelector(`[data-note-id="${testId(103)}"]`)!, 'Open'));
    expect(create).toHaveBeenCalledWith({ url: `https://nytimes.com/c#sourcelight-note=${testId(103)}` });
    click(root.querySelector(`[data-note-id="${testId(101)}"] button.note-title`));
    expect(create).toHaveBeenLastCalledWith({ url: `https://nytimes.com/a#sourcelight-note=${testId(101)}` });
    create.mockRestore();
  });

  it('shows a storage error in words', async () => {
    // (Dexie's live queries wait out a DatabaseClosedError for a reopen; a refused open is reported.)
    const refused = Object.assign(new Error('IndexedDB refused'), { name: 'OpenFailedError' });
    vi.mocked(search.searchNotes).mockRejectedValueOnce(refused);
    const mounted = mount(<Review />);
    unmount = mounted.unmount;
    await until(() => expect(mounted.container.querySelector('[role=alert]')?.textContent).toMatch(/cannot open its notes store/));
  });
});
