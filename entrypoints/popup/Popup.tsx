import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { KindCounts } from '@/components/KindCounts';
import { NoteList, type NoteActions } from '@/components/NoteList';
import { NotesReview } from '@/components/NotesReview';
import { SourceList } from '@/components/SourceList';
import { UndoBar } from '@/components/UndoBar';
import { useNoteActions } from '@/components/use-note-actions';
import { useLiveQuery, type LiveState } from '@/components/use-live-query';
import { useSettings } from '@/components/use-settings';
import type { PageSummary } from '@/utils/messaging';
import { notesDatabase } from '@/utils/notes/database';
import type { Note } from '@/utils/notes/note';
import { notesForPage } from '@/utils/notes/notes-store';
import { describeStorageError } from '@/utils/notes/storage-error';
import { withSite, type Settings } from '@/utils/settings';
import { askTab, targetTabId } from './current-tab';

type TabState = { status: 'loading' } | { status: 'ready'; tabId: number | null; summary: PageSummary | null };

function NotesSection({ title, state, empty, actions }: { title: string; state: LiveState<Note[]>; empty: string; actions: NoteActions }) {
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
        (state.value.length ? <NoteList notes={state.value} actions={actions} /> : <p class="muted">{empty}</p>)}
    </section>
  );
}

function SiteToggles({ site, settings, onChange }: { site: string; settings: Settings; onChange: (next: Settings) => void }) {
  return (
    <div class="toggles">
      <label>
        <input
          type="checkbox"
          name="site-enabled"
          checked={!settings.disabledSites.includes(site)}
          onChange={(event) => onChange(withSite(settings, site, event.currentTarget.checked))}
        />{' '}
        Marks on {site}
      </label>
      <label>
        <input
          type="checkbox"
          name="enabled"
          checked={settings.enabled}
          onChange={(event) => onChange({ ...settings, enabled: event.currentTarget.checked })}
        />{' '}
        Marks on all sites
      </label>
    </div>
  );
}

function PageSection({ tab, onMarkNow, onShowClaim }: { tab: TabState; onMarkNow: () => void; onShowClaim: (index: number) => void }) {
  if (tab.status === 'loading') return <p class="muted">Reading this page…</p>;
  const summary = tab.summary;
  if (!summary) return <p class="muted">Sourcelight does not run on this page.</p>;
  if (summary.marked) {
    return (
      <section class="page-summary" aria-label="This page">
        <KindCounts counts={summary.counts} />
        {summary.sources.length > 0 && (
          <details class="sources" open={summary.sources.length <= 8}>
            <summary>Sources ({summary.sources.length})</summary>
            <SourceList sources={summary.sources} onShow={onShowClaim} />
          </details>
        )}
      </section>
    );
  }
  return (
    <section class="page-summary not-article" aria-label="This page">
      <p class="muted">{summary.disabled ? 'Marks are off for this site.' : 'This page does not look like a news article.'}</p>
      <button type="button" class="button" onClick={onMarkNow}>
        Mark claims on this page
      </button>
    </section>
  );
}

/** The toolbar popup: this page's sourcing summary and notes, then all notes: search, filters, edit, delete with undo. */
export function Popup() {
  const [tab, setTab] = useState<TabState>({ status: 'loading' });
  const [settings, saveSettings] = useSettings();

  const refreshTab = async () => {
    const tabId = await targetTabId();
    const summary = tabId === null ? null : await askTab(tabId, { type: 'page/get-summary' });
    setTab({ status: 'ready', tabId, summary });
  };

  useEffect(() => {
    void refreshTab();
  }, []);

  const tabId = tab.status === 'ready' ? tab.tabId : null;
  const summary = tab.status === 'ready' ? tab.summary : null;

  const markNow = async () => {
    if (tabId === null) return;
    setTab({ status: 'ready', tabId, summary: await askTab(tabId, { type: 'page/mark-now' }) });
  };

  const showClaim = (index: number) => {
    if (tabId !== null) void askTab(tabId, { type: 'page/show-claim', index });
  };

  const changeSettings = async (next: Settings) => {
    await saveSettings(next);
    // The page applies the change itself; ask it again for what it now shows.
    setTimeout(() => void refreshTab(), 150);
  };

  const pageUrl = summary?.url ?? null;
  const pageNotes = useLiveQuery(() => (pageUrl ? notesForPage(notesDatabase(), pageUrl) : []), [pageUrl]);
  const [noteActions, undo] = useNoteActions(notesDatabase);

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>Sourcelight</h1>
        <button type="button" class="options-link" onClick={() => void browser.runtime.openOptionsPage()}>
          Settings
        </button>
      </header>
      <PageSection tab={tab} onMarkNow={markNow} onShowClaim={showClaim} />
      {summary?.site && settings && <SiteToggles site={summary.site} settings={settings} onChange={changeSettings} />}
      {pageUrl && (
        <NotesSection title="Notes on this page" state={pageNotes} empty="No notes on this page yet. Select text to add one." actions={noteActions} />
      )}
      <NotesReview db={notesDatabase} actions={noteActions} />
      <UndoBar state={undo} />
    </main>
  );
}
