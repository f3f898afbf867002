import { render } from 'preact';
import { browser } from 'wxt/browser';
import { NoteEditor, type NoteFields } from '@/components/NoteEditor';
import editorCss from '@/components/note-editor.css?inline';
import { textQuoteFor } from '@/utils/anchor/text-quote';
import type { Result } from '@/utils/messaging';
import type { Note, NoteDraft } from '@/utils/notes/note';
import { canonicalPageUrl } from '@/utils/notes/page-url';

const HOST_TAG = 'sourcelight-ui';

/**
 * The reader's way to note any passage: select text, an "Add note" button appears next to
 * the selection, and it opens the note editor. Our UI lives in a shadow root hung on <html>
 * (outside <body>, so the page's body text never changes) and is styled by us alone.
 */
export function startSelectionNotes(doc: Document): () => void {
  const host = doc.createElement(HOST_TAG);
  // Styled through the CSSOM, which a page's Content-Security-Policy does not block (a style attribute would be).
  Object.assign(host.style, { all: 'initial', position: 'fixed', zIndex: '2147483647', top: '0', left: '0', display: 'none' });
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = editorCss;
  const container = doc.createElement('div');
  shadow.append(style, container);
  doc.documentElement.append(host);

  let selected: Range | null = null;

  const hide = () => {
    render(null, container);
    host.style.display = 'none';
    selected = null;
  };

  const place = (rect: DOMRect) => {
    const win = doc.defaultView!;
    host.style.left = `${Math.max(8, Math.min(rect.right, win.innerWidth - 340))}px`;
    host.style.top = `${Math.max(8, Math.min(rect.bottom + 8, win.innerHeight - 60))}px`;
    host.style.display = 'block';
  };

  const openEditor = (range: Range) => {
    const quote = textQuoteFor(range, doc.body);
    const save = async (fields: NoteFields): Promise<string | null> => {
      const url = canonicalPageUrl(doc);
      if (!url) return 'Notes can only be kept on web pages (http or https).';
      const draft: NoteDraft = {
        ...fields,
        url,
        title: doc.title.slice(0, 1000),
        quote,
        position: null,
        claimSource: null,
        claimKind: null,
      };
      try {
        const reply = (await browser.runtime.sendMessage({ type: 'notes/save', draft })) as Result<Note> | undefined;
        return reply?.ok ? null : (reply?.error ?? 'Sourcelight did not answer. Please try again.');
      } catch (error) {
        return `Sourcelight could not be reached (${error instanceof Error ? error.message : String(error)}). Please try again.`;
      }
    };
    render(<NoteEditor quote={quote.exact} onSave={save} onClose={hide} />, container);
  };

  const showButton = (range: Range) => {
    selected = range.cloneRange();
    render(
      <button type="button" class="sl-add-note" onClick={(event) => event.isTrusted && selected && openEditor(selected)}>
        Add note
      </button>,
      container,
    );
    place(range.getBoundingClientRect());
  };

  const onSelectionEnd = (event: Event) => {
    if (event.composedPath().includes(host)) return;
    const selection = doc.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !selection.toString().trim()) {
      if (container.querySelector('.sl-add-note')) hide();
      return;
    }
    const range = selection.getRangeAt(0);
    if (!doc.body.contains(range.commonAncestorContainer)) return;
    showButton(range);
  };

  doc.addEventListener('mouseup', onSelectionEnd);
  doc.addEventListener('keyup', onSelectionEnd);
  return () => {
    doc.removeEventListener('mouseup', onSelectionEnd);
    doc.removeEventListener('keyup', onSelectionEnd);
    render(null, container);
    host.remove();
  };
}
