import { useState } from 'preact/hooks';
import type { NotesDatabase } from '@/utils/notes/database';
import { notesToAnnotations } from '@/utils/notes/export-annotations';
import { notesToCsv } from '@/utils/notes/export-csv';
import { notesToJson } from '@/utils/notes/export-json';
import { notesToMarkdown } from '@/utils/notes/export-markdown';
import { importNotes, parseNotesFile } from '@/utils/notes/import';
import type { Note } from '@/utils/notes/note';
import { describeStorageError } from '@/utils/notes/storage-error';
import { useLiveQuery } from './use-live-query';

export interface ExportFormat {
  id: 'json' | 'annotations' | 'markdown' | 'csv';
  label: string;
  description: string;
  extension: string;
  type: string;
  render: (notes: Note[], now: Date) => string;
}

export const EXPORT_FORMATS: ExportFormat[] = [
  {
    id: 'json',
    label: 'JSON',
    description: 'every field, for backup and import (lossless)',
    extension: 'json',
    type: 'application/json',
    render: notesToJson,
  },
  {
    id: 'annotations',
    label: 'Web Annotations',
    description: 'W3C Web Annotation JSON-LD, for other annotation tools',
    extension: 'jsonld',
    type: 'application/ld+json',
    render: (notes) => notesToAnnotations(notes),
  },
  { id: 'markdown', label: 'Markdown', description: 'for reading, grouped by site and page', extension: 'md', type: 'text/markdown', render: notesToMarkdown },
  { id: 'csv', label: 'CSV', description: 'for spreadsheets', extension: 'csv', type: 'text/csv', render: (notes) => notesToCsv(notes) },
];

/** The file name of an export: sourcelight-notes-2026-11-27.json */
export const exportFileName = (format: ExportFormat, now: Date) => `sourcelight-notes-${now.toISOString().slice(0, 10)}.${format.extension}`;

/** Saves text as a file through the browser's downloads (no network, no permission). */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started reading the blob by now; give it time before letting go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

type Status = { kind: 'idle' } | { kind: 'busy'; message: string } | { kind: 'done'; message: string } | { kind: 'error'; message: string };

function StatusLine({ status }: { status: Status }) {
  if (status.kind === 'idle') return <p class="status" role="status" />;
  return (
    <p class={`status status-${status.kind}${status.kind === 'error' ? ' error' : ''}`} role={status.kind === 'error' ? 'alert' : 'status'}>
      {status.message}
    </p>
  );
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Export every note in four formats; import a JSON or Web Annotation file, all or nothing. */
export function NotesTransfer({ db, download = downloadText }: { db: () => NotesDatabase; download?: typeof downloadText }) {
  const count = useLiveQuery(() => db().notes.count(), []);
  const [exportStatus, setExportStatus] = useState<Status>({ kind: 'idle' });
  const [importStatus, setImportStatus] = useState<Status>({ kind: 'idle' });

  const exportAs = async (format: ExportFormat) => {
    setExportStatus({ kind: 'busy', message: `Preparing the ${format.label} export…` });
    try {
      const notes = await db().notes.orderBy('createdAt').toArray();
      const now = new Date();
      download(format.render(notes, now), exportFileName(format, now), format.type);
      setExportStatus({ kind: 'done', message: `Exported ${plural(notes.length, 'note')} as ${format.label}.` });
    } catch (error) {
      setExportStatus({ kind: 'error', message: describeStorageError(error) });
    }
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setImportStatus({ kind: 'busy', message: `Reading ${file.name}…` });
    try {
      const parsed = parseNotesFile(await file.text());
      if (!parsed.ok) {
        setImportStatus({ kind: 'error', message: `Nothing was imported from ${file.name}: ${parsed.error}` });
        return;
      }
      setImportStatus({ kind: 'busy', message: `Importing ${plural(parsed.notes.length, 'note')}…` });
      const { added, skipped } = await importNotes(db(), parsed.notes);
      setImportStatus({
        kind: 'done',
        message: `Imported ${file.name}: added ${plural(added, 'note')}, skipped ${plural(skipped, 'duplicate')}.`,
      });
    } catch (error) {
      setImportStatus({ kind: 'error', message: `Nothing was imported from ${file.name}. ${describeStorageError(error)}` });
    } finally {
      // The same file can be chosen again (after fixing it).
      input.value = '';
    }
  };

  return (
    <>
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">Export notes</h2>
        <p class="muted note-count">
          {count.status === 'ready'
            ? `You have ${plural(count.value, 'note')}.`
            : count.status === 'error'
              ? describeStorageError(count.error)
              : 'Counting notes…'}
        </p>
        <ul class="export-list">
          {EXPORT_FORMATS.map((format) => (
            <li>
              <button type="button" class="button" name={`export-${format.id}`} disabled={exportStatus.kind === 'busy'} onClick={() => void exportAs(format)}>
                {format.label}
              </button>{' '}
              <span class="muted">{format.description}</span>
            </li>
          ))}
        </ul>
        <StatusLine status={exportStatus} />
      </section>

      <section aria-labelledby="import-heading">
        <h2 id="import-heading">Import notes</h2>
        <p class="muted">
          A Sourcelight JSON or Web Annotation export. The whole file is checked first: if any record is wrong, nothing is imported. Notes you
          already have are skipped.
        </p>
        <label class="option">
          <span>Notes file</span>
          <input
            type="file"
            name="import"
            accept=".json,.jsonld,application/json,application/ld+json"
            disabled={importStatus.kind === 'busy'}
            onChange={(event) => void importFile(event.currentTarget)}
          />
        </label>
        <StatusLine status={importStatus} />
      </section>
    </>
  );
}
