import { useEffect, useRef, useState } from 'preact/hooks';
import type { SourceKind } from '@/utils/attribution/types';
import type { NotesDatabase } from '@/utils/notes/database';
import { VERDICTS, type Note, type Verdict } from '@/utils/notes/note';
import { distinctSites, distinctTags } from '@/utils/notes/notes-store';
import { searchNotes, type NoteQuery } from '@/utils/notes/search';
import { describeStorageError } from '@/utils/notes/storage-error';
import { KIND_LABELS } from './kinds';
import { groupNotes, type Grouping } from './note-groups';
import { NoteList, type NoteActions } from './NoteList';
import { useLiveQuery } from './use-live-query';
import { useSearchCache } from './use-search-cache';

/** Notes read per page of results; "Show more" reads the next. */
export const PAGE_SIZE = 50;
/** Typing settles this long before a search runs. */
export const SEARCH_DEBOUNCE_MS = 150;

const KINDS = Object.keys(KIND_LABELS) as SourceKind[];

/** `value` once it has stopped changing for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (value === settled) return;
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export interface Filters {
  verdict: Verdict | '';
  kind: SourceKind | '';
  site: string;
  tag: string;
}

const NO_FILTERS: Filters = { verdict: '', kind: '', site: '', tag: '' };

function Select<T extends string>({
  name,
  label,
  value,
  options,
  onChange,
  onFocus,
}: {
  name: string;
  label: string;
  value: T | '';
  options: readonly T[];
  onChange: (value: T | '') => void;
  onFocus?: () => void;
}) {
  return (
    <label class="filter">
      <span>{label}</span>
      <select name={name} value={value} onChange={(event) => onChange(event.currentTarget.value as T | '')} onFocus={onFocus} onPointerDown={onFocus}>
        <option value="">any</option>
        {/* Keep the chosen value listed even before the lazy list arrives. */}
        {value && !options.includes(value as T) && <option value={value}>{value}</option>}
        {options.map((option) => (
          <option value={option}>{option}</option>
        ))}
      </select>
    </label>
  );
}

/**
 * Every note, newest first, a page at a time: full-text search, filters by verdict, kind, site and
 * tag, grouped by day then site (or site then day). Only `limit` notes are ever read.
 */
export function NotesReview({ db, actions, now }: { db: () => NotesDatabase; actions?: NoteActions; now?: number }) {
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [grouping, setGrouping] = useState<Grouping>('date');
  const [pages, setPages] = useState(1);
  // The tag and site lists are only read once the reader reaches for a filter (or after the first results).
  const [wantLists, setWantLists] = useState(false);
  const searchText = useDebounced(text.trim(), SEARCH_DEBOUNCE_MS);

  const limit = pages * PAGE_SIZE;
  const query: NoteQuery = {
    text: searchText || undefined,
    verdict: filters.verdict || undefined,
    kind: filters.kind || undefined,
    site: filters.site || undefined,
    tag: filters.tag || undefined,
    // One more than shown: tells whether there are more.
    limit: limit + 1,
  };
  const key = JSON.stringify(query);
  // Searches are answered from memory once the reader reaches for the search box or a filter.
  const search = useSearchCache(db);
  const results = useLiveQuery(async () => {
    const start = performance.now();
    const notes = search.cache.search(query) ?? (await searchNotes(db(), query));
    performance.measure('sourcelight-notes-search', { start, end: performance.now(), detail: { text: searchText } });
    return { key, notes };
  }, [key, search.version]);
  // Timing for the benchmark: query start (first render with a new query) to results on screen.
  const timing = useRef({ key: '', start: 0, done: false });
  if (timing.current.key !== key) {
    timing.current = { key, start: performance.now(), done: false };
    performance.mark('sourcelight-notes-query-start', { detail: { text: searchText } });
  }
  useEffect(() => {
    if (results.status !== 'ready' || results.value.key !== key || timing.current.done) return;
    timing.current.done = true;
    performance.measure('sourcelight-notes-query', { start: timing.current.start, end: performance.now(), detail: { text: searchText } });
  });
  const sites = useLiveQuery(() => (wantLists ? distinctSites(db()) : []), [wantLists]);
  const tags = useLiveQuery(() => (wantLists ? distinctTags(db()) : []), [wantLists]);

  useEffect(() => {
    if (results.status !== 'ready' || wantLists) return;
    // After first paint, when the browser is idle.
    const idle = (globalThis as { requestIdleCallback?: (fn: () => void, options?: { timeout: number }) => number }).requestIdleCallback;
    if (idle) idle(() => setWantLists(true), { timeout: 1000 });
    else setTimeout(() => setWantLists(true), 200);
  }, [results.status]);

  const change = (next: Partial<Filters>) => {
    setFilters({ ...filters, ...next });
    setPages(1);
  };
  const filtered = Boolean(searchText || filters.verdict || filters.kind || filters.site || filters.tag);

  let body;
  if (results.status === 'loading') body = <p class="muted">Loading…</p>;
  else if (results.status === 'error') {
    body = (
      <p class="error" role="alert">
        {describeStorageError(results.error)}
      </p>
    );
  } else {
    const all: Note[] = results.value.notes;
    const shown = all.slice(0, limit);
    const more = all.length > limit;
    body = (
      <div class="results" data-results-for={results.value.key === key ? searchText : undefined} aria-busy={results.value.key !== key}>
        <p class="muted result-count" aria-live="polite">
          {shown.length === 0
            ? filtered
              ? 'No notes match.'
              : 'You have no notes yet. Select text on a news page to add one.'
            : `${more ? `Latest ${shown.length}` : shown.length} ${shown.length === 1 ? 'note' : 'notes'}${filtered ? ' match' : ''}.`}
        </p>
        {groupNotes(shown, grouping, now).map((outer) => (
          <section class="note-group" aria-label={outer.label} data-group={outer.key}>
            <h3 class="group-heading">{outer.label}</h3>
            {outer.groups.map((inner) => (
              <section class="note-subgroup" aria-label={`${outer.label}, ${inner.label}`} data-group={inner.key}>
                <h4 class="subgroup-heading">{inner.label}</h4>
                <NoteList notes={inner.notes} showPage actions={actions} timeOnly={grouping === 'date'} />
              </section>
            ))}
          </section>
        ))}
        {more && (
          <button type="button" class="button more" name="more" onClick={() => setPages(pages + 1)}>
            Show more
          </button>
        )}
      </div>
    );
  }

  const loadLists = () => {
    setWantLists(true);
    search.cache.warm();
  };
  return (
    <section class="notes-review" aria-labelledby="all-notes-heading">
      <h2 id="all-notes-heading">All notes</h2>
      <form
        class="review-controls"
        role="search"
        data-quick-search={search.cache.ready ? 'ready' : undefined}
        onSubmit={(event) => event.preventDefault()}
      >
        <label class="search">
          <span class="visually-hidden">Search notes</span>
          <input
            type="search"
            name="search"
            placeholder="Search comments, passages, titles"
            value={text}
            onFocus={loadLists}
            onInput={(event) => {
              setText(event.currentTarget.value);
              setPages(1);
            }}
          />
        </label>
        <div class="filters">
          <Select name="verdict" label="Verdict" value={filters.verdict} options={VERDICTS} onChange={(verdict) => change({ verdict })} onFocus={loadLists} />
          <Select name="kind" label="Source" value={filters.kind} options={KINDS} onChange={(kind) => change({ kind })} onFocus={loadLists} />
          <Select
            name="site"
            label="Site"
            value={filters.site}
            options={sites.status === 'ready' ? sites.value : []}
            onChange={(site) => change({ site })}
            onFocus={loadLists}
          />
          <Select
            name="tag"
            label="Tag"
            value={filters.tag}
            options={tags.status === 'ready' ? tags.value : []}
            onChange={(tag) => change({ tag })}
            onFocus={loadLists}
          />
        </div>
        <fieldset class="grouping">
          <legend>Group by</legend>
          {(['date', 'site'] as const).map((value) => (
            <label>
              <input type="radio" name="grouping" value={value} checked={grouping === value} onChange={() => setGrouping(value)} /> {value}
            </label>
          ))}
          {filtered && (
            <button
              type="button"
              class="link clear"
              onClick={() => {
                setText('');
                setFilters(NO_FILTERS);
                setPages(1);
              }}
            >
              Clear search and filters
            </button>
          )}
        </fieldset>
      </form>
      {body}
    </section>
  );
}
