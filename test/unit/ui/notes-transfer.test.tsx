// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotesTransfer } from '@/components/NotesTransfer';
import { NotesDatabase } from '@/utils/notes/database';
import { CSV_COLUMNS } from '@/utils/notes/export-csv';
import { notesToAnnotations } from '@/utils/notes/export-annotations';
import { notesToJson } from '@/utils/notes/export-json';
import { parseNotesFile } from '@/utils/notes/import';
import { freshName, note, testId } from '../notes/fixtures';
import { button, click, mount, until } from './helpers';

let db: NotesDatabase;
let unmount: (() => void) | null = null;

beforeEach(async () => {
  db = new NotesDatabase(freshName());
  await db.open();
});
afterEach(() => {
  unmount?.();
  unmount = null;
  db.close();
});

const notes = [
  note({ id: testId(301), site: 'nytimes.com', url: 'https://nytimes.com/a', comment: 'a, "quoted" comment', tags: ['x', 'y'], createdAt: 1_700_000_000_000, updatedAt: 1_700_000_100_000 }),
  note({ id: testId(302), site: 'bbc.co.uk', url: 'https://bbc.co.uk/b', comment: '=SUM(A1)', claimSource: 'the ministry', claimKind: 'named', position: null, createdAt: 1_700_000_200_000, updatedAt: 1_700_000_200_000 }),
];

function setup(download = vi.fn()) {
  const mounted = mount(<NotesTransfer db={() => db} download={download} />);
  unmount = mounted.unmount;
  return { root: mounted.container, download };
}

/** Chooses a file in the import input, as a reader would. */
function chooseFile(root: ParentNode, text: string, name = 'notes.json') {
  const input = root.querySelector<HTMLInputElement>('input[type=file][name=import]')!;
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const status = (root: ParentNode, section: string) => root.querySelector(`section[aria-labelledby=${section}-heading] .status`)!.textContent;

describe('export', () => {
  it('downloads each format with the right content and name', async () => {
    await db.notes.bulkAdd(notes);
    const { root, download } = setup();
    await until(() => expect(root.querySelector('.note-count')!.textContent).toBe('You have 2 notes.'));

    click(button(root, 'JSON'));
    await until(() => expect(download).toHaveBeenCalledTimes(1));
    const [json, jsonName, jsonType] = download.mock.lastCall!;
    expect(jsonName).toMatch(/^sourcelight-notes-\d{4}-\d{2}-\d{2}\.json$/);
    expect(jsonType).toBe('application/json');
    const parsed = parseNotesFile(json);
    expect(parsed).toEqual({ ok: true, notes });
    await until(() => expect(status(root, 'export')).toBe('Exported 2 notes as JSON.'));

    click(button(root, 'Web Annotations'));
    await until(() => expect(download).toHaveBeenCalledTimes(2));
    const [jsonld, jsonldName] = download.mock.lastCall!;
    expect(jsonldName).toMatch(/\.jsonld$/);
    expect(jsonld).toBe(notesToAnnotations(notes));
    expect(JSON.parse(jsonld)['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(parseNotesFile(jsonld)).toEqual({ ok: true, notes });

    click(button(root, 'Markdown'));
    await until(() => expect(download).toHaveBeenCalledTimes(3));
    const [markdown, mdName, mdType] = download.mock.lastCall!;
    expect(mdName).toMatch(/\.md$/);
    expect(mdType).toBe('text/markdown');
    expect(markdown).toMatch(/^# Sourcelight notes\n/);
    expect(markdown).toContain('## nytimes.com');
    expect(markdown).toContain('## bbc.co.uk');

    click(button(root, 'CSV'));
    await until(() => expect(download).toHaveBeenCalledTimes(4));
    const [csv, csvName] = download.mock.lastCall!;
    expect(csvName).toMatch(/\.csv$/);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(4); // header, two notes, final line end
    expect(csv).toContain(`"a, ""quoted"" comment"`);
    expect(csv).toContain(`'=SUM(A1)`);
  });

  it('downloads through a Blob link, without the network', async () => {
    const { downloadText } = await import('@/components/NotesTransfer');
    const created: Blob[] = [];
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (created.push(blob as Blob), 'blob:test/1'));
    let clicked: HTMLAnchorElement | null = null;
    const clickSpy = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked = this;
    });
    downloadText('{"a":1}', 'x.json', 'application/json');
    expect(clicked!.download).toBe('x.json');
    expect(clicked!.href).toBe('blob:test/1');
    expect(await created[0]!.text()).toBe('{"a":1}');
    expect(clicked!.isConnected).toBe(false);
    createObjectURL.mockRestore();
    clickSpy.mockRestore();
  });
});

describe('import', () => {
  it('adds the notes of a valid file and then skips them as duplicates', async () => {
    const { root } = setup();
    chooseFile(root, notesToJson(notes));
    await until(() => expect(status(root, 'import')).toBe('Imported notes.json: added 2 notes, skipped 0 duplicates.'));
    expect(await db.notes.count()).toBe(2);
    expect(await db.notes.get(testId(302))).toEqual(notes[1]);
    await until(() => expect(root.querySelector('.note-count')!.textContent).toBe('You have 2 notes.'));

    chooseFile(root, notesToAnnotations(notes), 'notes.jsonld');
    await until(() => expect(status(root, 'import')).toBe('Imported notes.jsonld: added 0 notes, skipped 2 duplicates.'));
    expect(await db.notes.count()).toBe(2);
  });

  it('reports the first bad record and writes nothing', async () => {
    await db.notes.add(note({ id: testId(399) }));
    const { root } = setup();
    const file = JSON.parse(notesToJson(notes));
    file.notes.push({ ...file.notes[0], id: testId(303) }, { ...file.notes[0], id: testId(304), verdict: 'probably true' }, { id: 'broken' });
    chooseFile(root, JSON.stringify(file));
    await until(() => expect(root.querySelector('[role=alert]')?.textContent).toMatch(/^Nothing was imported from notes\.json: record 3: .*verdict/));
    expect(await db.notes.count()).toBe(1);
  });

  it('explains a file that is not JSON or cut short, writing nothing', async () => {
    const { root } = setup();
    chooseFile(root, 'hello, world');
    await until(() => expect(root.querySelector('[role=alert]')?.textContent).toContain('The file is not JSON'));
    chooseFile(root, notesToJson(notes).slice(0, 200));
    await until(() => expect(root.querySelector('[role=alert]')?.textContent).toContain('cut short'));
    expect(await db.notes.count()).toBe(0);
  });

  it('explains a storage failure in words', async () => {
    const { root } = setup();
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    vi.spyOn(db, 'transaction').mockRejectedValueOnce(quota as never);
    chooseFile(root, notesToJson(notes));
    await until(() => expect(root.querySelector('[role=alert]')?.textContent).toMatch(/Nothing was imported from notes\.json\. Your browser has no space left/));
    expect(await db.notes.count()).toBe(0);
  });
});
