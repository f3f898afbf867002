import { KIND_EXPLANATIONS } from '@/components/kinds';
import { NotesTransfer } from '@/components/NotesTransfer';
import { useSettings } from '@/components/use-settings';
import { SOURCE_KINDS } from '@/utils/attribution/types';
import { notesDatabase } from '@/utils/notes/database';
import { withSite } from '@/utils/settings';

/** The settings page: where marks show, and which; export and import of notes. */
export function Options() {
  const [settings, save] = useSettings();
  if (!settings) return <p class="muted">Loading…</p>;
  return (
    <main class="options">
      <h1>Sourcelight settings</h1>

      <section aria-labelledby="marks-heading">
        <h2 id="marks-heading">Marks</h2>
        <label class="option">
          <input type="checkbox" name="enabled" checked={settings.enabled} onChange={(event) => save({ ...settings, enabled: event.currentTarget.checked })} />
          Mark claims on news articles as I read
        </label>
        <fieldset>
          <legend>Mark claims whose source is</legend>
          {SOURCE_KINDS.map((kind) => (
            <label class="option">
              <input
                type="checkbox"
                name={`kind-${kind}`}
                checked={settings.kinds[kind]}
                onChange={(event) => save({ ...settings, kinds: { ...settings.kinds, [kind]: event.currentTarget.checked } })}
              />
              {KIND_EXPLANATIONS[kind]}
            </label>
          ))}
        </fieldset>
        <label class="option">
          <input
            type="checkbox"
            name="mark-content"
            checked={settings.markContent}
            onChange={(event) => save({ ...settings, markContent: event.currentTarget.checked })}
          />
          Tint what each claim says
        </label>
      </section>

      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">Sites without marks</h2>
        {settings.disabledSites.length === 0 ? (
          <p class="muted">None. Turn marks off for a site from the toolbar popup.</p>
        ) : (
          <ul class="site-list">
            {settings.disabledSites.map((site) => (
              <li>
                {site}{' '}
                <button type="button" class="button" onClick={() => save(withSite(settings, site, true))}>
                  Mark again
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <NotesTransfer db={notesDatabase} />

      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading">Keyboard</h2>
        <p class="muted">
          Alt+Shift+J / K: next / previous claim · Alt+Shift+U: next anonymous or vague claim · Alt+Shift+M: mark this page ·
          Escape closes a card. Change them in your browser's extension shortcuts settings.
        </p>
      </section>
    </main>
  );
}
