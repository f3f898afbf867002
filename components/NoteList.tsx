import type { Note } from '@/utils/notes/note';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Notes as the reader wrote them: passage, comment, verdict, tags, page and time. */
export function NoteList({ notes, showPage = false }: { notes: Note[]; showPage?: boolean }) {
  return (
    <ul class="note-list">
      {notes.map((note) => (
        <li class="note" key={note.id} data-note-id={note.id}>
          {note.quote.exact && <blockquote class="note-quote">{note.quote.exact}</blockquote>}
          {note.comment && <p class="note-comment">{note.comment}</p>}
          <p class="note-meta">
            <span class={`verdict verdict-${note.verdict.replace(' ', '-')}`}>{note.verdict}</span>
            {note.tags.map((tag) => (
              <span class="tag">{tag}</span>
            ))}
            <time dateTime={new Date(note.createdAt).toISOString()}>{dateFormat.format(note.createdAt)}</time>
          </p>
          {showPage && (
            <p class="note-page">
              <span class="note-site">{note.site}</span> · {note.title || note.url}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
