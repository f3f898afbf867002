// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { Popup } from '@/entrypoints/popup/Popup';
import { notesDatabase } from '@/utils/notes/database';
import { note, testId } from '../notes/fixtures';
import { button, click, mount, shownIds, until } from './helpers';

let unmount: (() => void) | null = null;
afterEach(async () => {
  unmount?.();
  unmount = null;
  vi.restoreAllMocks();
  await notesDatabase().notes.clear();
});

describe('the popup', () => {
  it("lists this page's notes above all notes, with the actions", async () => {
    await notesDatabase().notes.bulkAdd([
      note({ id: testId(501), url: 'https://example.com/news/story', site: 'example.com', createdAt: Date.now() - 1000 }),
      note({ id: testId(502), url: 'https://other.org/a', site: 'other.org', createdAt: Date.now() }),
    ]);
    vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ id: 7 }] as never);
    vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue({
      url: 'https://example.com/news/story',
      title: 'A story',
      site: 'example.com',
      isArticle: true,
      marked: true,
      disabled: false,
      counts: { named: 1, anonymous: 1, vague: 0, 'non-response': 0 },
      sources: [],
      orphanNoteIds: [],
    } as never);
    const { container, unmount: close } = mount(<Popup />);
    unmount = close;
    const pageNotes = () => container.querySelector('section[aria-label="Notes on this page"]');
    await until(() => expect(shownIds(pageNotes()!)).toEqual([testId(501)]));
    await until(() => expect(shownIds(container.querySelector('.results')!)).toEqual([testId(502), testId(501)]));
    expect(container.querySelector('.group-heading')!.textContent).toBe('Today');

    // Deleting from this page's list offers the undo too.
    click(button(pageNotes()!, 'Delete'));
    await until(() => expect(shownIds(container)).toEqual([testId(502)]));
    click(button(container, 'Undo'));
    await until(() => expect(shownIds(pageNotes()!)).toEqual([testId(501)]));
  });

  it('shows all notes where no page answers', async () => {
    await notesDatabase().notes.add(note({ id: testId(503), createdAt: Date.now() }));
    vi.spyOn(browser.tabs, 'query').mockResolvedValue([] as never);
    const { container, unmount: close } = mount(<Popup />);
    unmount = close;
    await until(() => expect(container.textContent).toContain('Sourcelight does not run on this page.'));
    await until(() => expect(shownIds(container)).toEqual([testId(503)]));
    expect(container.querySelector('section[aria-label="Notes on this page"]')).toBeNull();
  });
});
