import { useEffect, useState } from 'preact/hooks';
import { KindCounts } from '@/components/KindCounts';
import { NoteList } from '@/components/NoteList';
import { useLiveQuery, type LiveState } from '@/components/use-live-query';
import type { PageSummary } from '@/utils/messaging';
import { notesDatabase } from '@/utils/notes/database';
import type { Note } from '@/utils/notes/note';
import { notesForPage } from '@/utils/notes/notes-store';
import { describeStorageError } from '@/utils/notes/storage-error';
import { askTab, targetTabId } from './current-tab';

const RECENT_NOTES = 20;

type TabState = { status: 'loading' } | { status: 'ready'; tabId: number | null; summary: PageSummary | null };

function NotesSection({ title, state, empty, showPage }: { title: string; state: LiveState<Note[]>; empty: string; showPage?: boolean }) {
  return (
    <section class="notes" aria-label={title}>
      <h2>{title}</h2>
      {state.status === 'loading' && <p class="muted">Loading…</p>}
      {state.status === 'error' && (
        <p class="error" role="alert">
          {describeStorageError(state.error)}
        </p>
      )}
      {state.status === 'ready' &&
        (state.value.length ? <NoteList notes={state.value} showPage={showPage} /> : <p class="muted">{empty}</p>)}
    </section>
  );
}

function PageSection({ tab, onMarkNow }: { tab: TabState; onMarkNow: () => void }) {
  if (tab.status === 'loading') return <p class="muted">Reading this page…</p>;
  const summary = tab.summary;
  if (!summary) return <p class="muted">Sourcelight does not run on this page.</p>;
  return (
    <section class="page-summary" aria-label="This page">
      {summary.marked ? (
        <KindCounts counts={summary.counts} />
      ) : (
        <div class="not-article">
          <p class="muted">This page does not look like a news article.</p>
          <button type="button" class="button" onClick={onMarkNow}>
            Mark claims on this page
          </button>
        </div>
      )}
    </section>
  );
}

/** The toolbar popup: this page's sourcing summary and notes, then the reader's latest notes. */
export function Popup() {
  const [tab, setTab] = useState<TabState>({ status: 'loading' });

  useEffect(() => {
    void (async () => {
      const tabId = await targetTabId();
      const summary = tabId === null ? null : await askTab(tabId, { type: 'page/get-summary' });
      setTab({ status: 'ready', tabId, summary });
    })();
  }, []);

  const markNow = async () => {
    if (tab.status !== 'ready' || tab.tabId === null) return;
    setTab({ ...tab, summary: await askTab(tab.tabId, { type: 'page/mark-now' }) });
  };

  const pageUrl = tab.status === 'ready' ? (tab.summary?.url ?? null) : null;
  const pageNotes = useLiveQuery(() => (pageUrl ? notesForPage(notesDatabase(), pageUrl) : []), [pageUrl]);
  const recentNotes = useLiveQuery(
    () => notesDatabase().notes.orderBy('updatedAt').reverse().limit(RECENT_NOTES).toArray(),
    [],
  );

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>Sourcelight</h1>
      </header>
      <PageSection tab={tab} onMarkNow={markNow} />
      {pageUrl && <NotesSection title="Notes on this page" state={pageNotes} empty="No notes on this page yet. Select text to add one." />}
      <NotesSection title="Recent notes" state={recentNotes} empty="You have no notes yet." showPage />
    </main>
  );
}
