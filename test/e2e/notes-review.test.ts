import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notesToJson } from '@/utils/notes/export-json';
import { parseNotesFile } from '@/utils/notes/import';
import type { Note, Verdict } from '@/utils/notes/note';
import { launchChromium, openPopup, type ChromiumSession } from './support/chromium';
import { startPageServer, type PageServer } from './support/server';

const STORY = `<!doctype html><html><head><title>Budget talks stall</title></head><body><article><h1>Budget talks stall</h1>
<p>Talks on the budget stalled on Friday, officials said, after a week of meetings.</p>
<p>The ministry said it would publish its figures next week.</p></article></body></html>`;

const DAY = 86_400_000;
const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** Twelve notes on three sites over a month; the first is on a page this test serves. */
function makeNotes(storyUrl: string): Note[] {
  const now = Date.now();
  const sites = ['nytimes.com', 'bbc.co.uk', 'reuters.com'];
  const verdicts: Verdict[] = ['unverified', 'supported', 'disputed', 'needs source'];
  return Array.from({ length: 12 }, (_, i) => {
    const site = sites[i % 3]!;
    const url = i === 0 ? storyUrl : `https://${site}/story-${i}`;
    const createdAt = now - Math.floor(i / 2) * DAY * 3 - i * 60_000;
    return {
      id: id(i + 1),
      url,
      site: i === 0 ? '127.0.0.1' : site,
      title: i === 0 ? 'Budget talks stall' : `Story ${i} on ${site}`,
      quote: { type: 'TextQuoteSelector', exact: i === 0 ? 'officials said' : `passage ${i} about the harbour`, prefix: '', suffix: '' },
      position: null,
      comment: i % 4 === 1 ? `ministry figures ${i} look wrong` : `comment number ${i}`,
      verdict: verdicts[i % 4]!,
      tags: i % 2 ? ['economy'] : ['anonymous'],
      claimSource: i === 0 ? 'officials' : null,
      claimKind: i === 0 ? 'anonymous' : null,
      createdAt,
      updatedAt: createdAt,
    } satisfies Note;
  });
}

describe('reviewing notes in Chromium (options import/export, popup)', () => {
  let server: PageServer;
  let profile: string;
  let dir: string;
  let session: ChromiumSession;
  let notes: Note[];
  let options: Page;
  let popup: Page;

  const noteCount = async () => (await options.locator('.note-count').textContent())!;
  const shown = (page: Page) => page.locator('.results .note');

  beforeAll(async () => {
    server = await startPageServer({ story: STORY });
    profile = mkdtempSync(join(tmpdir(), 'sourcelight-review-'));
    dir = mkdtempSync(join(tmpdir(), 'sourcelight-review-files-'));
    session = await launchChromium(profile);
    notes = makeNotes(server.url('story'));
    writeFileSync(join(dir, 'notes.json'), notesToJson(notes));
    options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('imports a JSON file through the options page', async () => {
    await expect.poll(noteCount).toBe('You have 0 notes.');
    await options.locator('input[type=file][name=import]').setInputFiles(join(dir, 'notes.json'));
    await expect.poll(() => options.locator('section[aria-labelledby=import-heading] .status').textContent()).toBe(
      'Imported notes.json: added 12 notes, skipped 0 duplicates.',
    );
    await expect.poll(noteCount).toBe('You have 12 notes.');
    // Again: every note is a duplicate.
    await options.locator('input[type=file][name=import]').setInputFiles(join(dir, 'notes.json'));
    await expect.poll(() => options.locator('section[aria-labelledby=import-heading] .status').textContent()).toBe(
      'Imported notes.json: added 0 notes, skipped 12 duplicates.',
    );
  });

  it('shows them in the popup grouped by date and by site', async () => {
    popup = await openPopup(session, null);
    await expect.poll(() => shown(popup).count()).toBe(12);
    expect(await popup.locator('.group-heading').first().textContent()).toBe('Today');
    await popup.getByRole('radio', { name: 'site' }).check();
    await expect.poll(() => popup.locator('.group-heading').allTextContents()).toEqual(['127.0.0.1', 'bbc.co.uk', 'reuters.com', 'nytimes.com']);
    const bbc = popup.locator('section.note-group[data-group="bbc.co.uk"] .note');
    expect(await bbc.count()).toBe(4);
    // Newest first within the site.
    expect(await bbc.first().getAttribute('data-note-id')).toBe(id(2));
    const width = await popup.evaluate(() => document.body.getBoundingClientRect().width);
    expect(width).toBeLessThanOrEqual(420);
  });

  it('narrows by search and by verdict', async () => {
    await popup.getByRole('radio', { name: 'date' }).check();
    await popup.getByRole('searchbox', { name: 'Search notes' }).fill('ministry');
    await popup.waitForSelector('.results[data-results-for="ministry"]');
    // Comments 1, 5, 9 mention "ministry figures".
    await expect.poll(() => shown(popup).evaluateAll((items) => items.map((li) => li.getAttribute('data-note-id')))).toEqual([id(2), id(6), id(10)]);
    await popup.getByRole('searchbox', { name: 'Search notes' }).fill('harb'); // prefix of a passage word
    await popup.waitForSelector('.results[data-results-for="harb"]');
    expect(await shown(popup).count()).toBe(11);
    await popup.getByRole('searchbox', { name: 'Search notes' }).fill('');
    await popup.getByLabel('Verdict').selectOption('disputed');
    await expect.poll(() => shown(popup).count()).toBe(3);
    expect(await popup.locator('.results .verdict').allTextContents()).toEqual(['disputed', 'disputed', 'disputed']);
    await popup.getByLabel('Verdict').selectOption('');
    await expect.poll(() => shown(popup).count()).toBe(12);
  });

  it('edits a note in place', async () => {
    const item = popup.locator(`.results .note[data-note-id="${id(3)}"]`);
    await item.getByRole('button', { name: 'Edit' }).click();
    await item.getByLabel('Comment').fill('checked: the figures are right');
    await item.getByLabel('Verdict').selectOption('supported');
    await item.getByLabel('Tags').fill('economy, checked');
    await item.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => item.locator('.note-comment').textContent()).toBe('checked: the figures are right');
    expect(await item.locator('.verdict').textContent()).toBe('supported');
    expect(await item.locator('.tag').allTextContents()).toEqual(['economy', 'checked']);
  });

  it('deletes a note and undoes it', async () => {
    const item = popup.locator(`.results .note[data-note-id="${id(4)}"]`);
    await item.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => item.count()).toBe(0);
    await expect.poll(noteCount).toBe('You have 11 notes.');
    // Focus went with the Delete button: it is on Undo, so Enter brings the note back.
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    await popup.keyboard.press('Enter');
    await expect.poll(() => item.count()).toBe(1);
    await expect.poll(noteCount).toBe('You have 12 notes.');
  });

  it("opens a note's page with the fragment that scrolls to it", async () => {
    const opened = session.context.waitForEvent('page');
    await popup.locator(`.results .note[data-note-id="${id(1)}"]`).getByRole('button', { name: 'Open' }).click();
    const page = await opened;
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toBe(`${server.url('story')}#sourcelight-note=${id(1)}`);
    await page.close();
  });

  it('exports JSON that imports back to the same notes', async () => {
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'JSON', exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^sourcelight-notes-\d{4}-\d{2}-\d{2}\.json$/);
    const path = join(dir, 'export.json');
    await file.saveAs(path);
    const parsed = parseNotesFile(readFileSync(path, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error);
    const byId = new Map(parsed.notes.map((note) => [note.id, note]));
    expect(byId.size).toBe(12);
    for (const original of notes) {
      const exported = byId.get(original.id)!;
      if (original.id === id(3)) {
        expect(exported).toMatchObject({ comment: 'checked: the figures are right', verdict: 'supported', tags: ['economy', 'checked'] });
        expect(exported.updatedAt).toBeGreaterThan(original.updatedAt);
      } else expect(exported).toEqual(original);
    }
    // The other formats download too.
    for (const [label, extension] of [['Web Annotations', 'jsonld'], ['Markdown', 'md'], ['CSV', 'csv']] as const) {
      const next = options.waitForEvent('download');
      await options.getByRole('button', { name: label, exact: true }).click();
      expect((await next).suggestedFilename()).toMatch(new RegExp(`\\.${extension}$`));
    }
  });

  it('refuses a corrupt file, saying why, and leaves the notes as they were', async () => {
    const good = JSON.parse(notesToJson([{ ...notes[0]!, id: id(100) }, { ...notes[1]!, id: id(101) }]));
    good.notes[1].createdAt = 'yesterday';
    await options.locator('input[type=file][name=import]').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
    await expect.poll(() => options.getByRole('alert').textContent()).toMatch(/^Nothing was imported from bad\.json: record 1: .*createdAt/);
    await options.locator('input[type=file][name=import]').setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from(notesToJson(notes).slice(0, 500)) });
    await expect.poll(() => options.getByRole('alert').textContent()).toContain('cut short');
    expect(await noteCount()).toBe('You have 12 notes.');
    await popup.reload();
    await expect.poll(() => shown(popup).count()).toBe(12);
  });

  it('searches from memory, and follows notes added on another page of the extension', async () => {
    const search = popup.getByRole('searchbox', { name: 'Search notes' });
    await search.fill('harbour');
    await popup.waitForSelector('form[data-quick-search=ready]');
    await popup.waitForSelector('.results[data-results-for="harbour"]');
    expect(await shown(popup).count()).toBe(11);
    const added = { ...notes[1]!, id: id(200), createdAt: Date.now(), updatedAt: Date.now(), comment: 'a new note on the harbour' };
    await options.locator('input[type=file][name=import]').setInputFiles({ name: 'one.json', mimeType: 'application/json', buffer: Buffer.from(notesToJson([added])) });
    await expect.poll(noteCount).toBe('You have 13 notes.');
    // The popup hears of the change, drops its copy and shows the new note first.
    await expect.poll(() => shown(popup).first().getAttribute('data-note-id')).toBe(id(200));
    expect(await shown(popup).count()).toBe(12);
    await popup.waitForSelector('form[data-quick-search=ready]');
    await search.fill('new note');
    await expect.poll(() => shown(popup).evaluateAll((items) => items.map((li) => li.getAttribute('data-note-id')))).toEqual([id(200)]);
  });
});
