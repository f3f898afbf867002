import type { Note } from './note';

export const CSV_COLUMNS = [
  'id', 'created', 'updated', 'site', 'url', 'title', 'quote', 'prefix', 'suffix', 'start', 'end',
  'comment', 'verdict', 'tags', 'claim source', 'claim kind',
] as const;

/** Cells a spreadsheet would run as a formula (OWASP: = + - @, tab, carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: formula-safe, quoted per RFC 4180 when it holds a comma, quote or line break. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Notes as a spreadsheet (RFC 4180: header row, CRLF line ends); tags joined with "; ". */
export function notesToCsv(notes: readonly Note[]): string {
  const rows = notes.map((note) => [
    note.id,
    new Date(note.createdAt).toISOString(),
    new Date(note.updatedAt).toISOString(),
    note.site,
    note.url,
    note.title,
    note.quote.exact,
    note.quote.prefix,
    note.quote.suffix,
    note.position?.start ?? null,
    note.position?.end ?? null,
    note.comment,
    note.verdict,
    note.tags.join('; '),
    note.claimSource,
    note.claimKind,
  ]);
  return [[...CSV_COLUMNS], ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
