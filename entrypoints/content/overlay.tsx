import { render } from 'preact';
import { ClaimCard } from '@/components/ClaimCard';
import { NoteCard } from '@/components/NoteCard';
import { NoteEditor, type NoteFields } from '@/components/NoteEditor';
import overlayCss from '@/components/overlay.css?inline';
import type { Claim } from '@/utils/attribution/types';
import type { Note } from '@/utils/notes/note';

/**
 * Our UI's host is a plain <div> marked with this attribute. A custom tag name would let a page
 * that defines that custom element first take over our host (and our shadow root with it).
 */
export const HOST_ATTRIBUTE = 'data-sourcelight-ui';
const MARGIN = 8;
const CARD_WIDTH = 320;

/** A passage being noted: what the editor shows, and how the note is saved. */
export interface NoteTarget {
  quote: string;
  /** The note's fields when editing an existing note. */
  initial?: NoteFields;
  save: (fields: NoteFields) => Promise<string | null>;
}

/** What the card of one of the reader's notes can do. */
export interface NoteActions {
  edit: () => void;
  remove: () => Promise<string | null>;
}

type View =
  | { kind: 'none' }
  | { kind: 'add-note'; onActivate: () => void }
  | { kind: 'card'; claim: Claim; position: number; total: number; focus: boolean; onAddNote: () => void }
  | { kind: 'note'; note: Note; focus: boolean; actions: NoteActions }
  | { kind: 'editor'; target: NoteTarget };

/**
 * Our in-page UI: one shadow root hung on <html> (outside <body>, so the page's body text
 * never changes), styled by us alone. It shows one thing at a time: the "Add note" button
 * for a selection, a claim's card, or the note editor.
 */
export class Overlay {
  readonly host: HTMLElement;
  private readonly container: HTMLElement;
  private view: View = { kind: 'none' };
  /** Where focus was before a keyboard-opened card took it, to give it back on close. */
  private returnFocus: Element | null = null;

  constructor(private readonly doc: Document) {
    this.host = doc.createElement('div');
    this.host.setAttribute(HOST_ATTRIBUTE, '');
    // Styled through the CSSOM, which a page's Content-Security-Policy does not block (a style attribute would be).
    Object.assign(this.host.style, { all: 'initial', position: 'fixed', zIndex: '2147483647', top: '0', left: '0', display: 'none' });
    const shadow = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = overlayCss;
    this.container = doc.createElement('div');
    shadow.append(style, this.container);
    doc.documentElement.append(this.host);
  }

  get showing(): View['kind'] {
    return this.view.kind;
  }

  /** A card the keyboard opened holds focus; pointer moves and scrolling leave it open. */
  get hasFocus(): boolean {
    return this.doc.activeElement === this.host;
  }

  /** True when an event happened inside our UI. */
  contains(event: Event): boolean {
    return event.composedPath().includes(this.host);
  }

  /** The "Add note" button next to a selection; `onActivate` runs when the reader clicks it. */
  showAddNote(near: DOMRect, onActivate: () => void): void {
    if (this.view.kind === 'editor') return; // never throw away a note being written
    this.show({ kind: 'add-note', onActivate }, near);
  }

  /** A claim's card; with `focus` (keyboard navigation) it takes focus so screen readers read it. */
  showCard(claim: Claim, position: number, total: number, near: DOMRect, focus: boolean, onAddNote: () => void): void {
    if (this.view.kind === 'editor') return;
    if (focus) this.returnFocus ??= this.doc.activeElement;
    this.show({ kind: 'card', claim, position, total, focus, onAddNote }, near);
  }

  /** The card of one of the reader's notes on the page. */
  showNote(note: Note, near: DOMRect, focus: boolean, actions: NoteActions): void {
    if (this.view.kind === 'editor') return;
    if (focus) this.returnFocus ??= this.doc.activeElement;
    this.show({ kind: 'note', note, focus, actions }, near);
  }

  /** The claim whose card is open, if any. */
  get cardClaim(): Claim | null {
    return this.view.kind === 'card' ? this.view.claim : null;
  }

  openEditor(target: NoteTarget): void {
    this.view = { kind: 'editor', target };
    this.draw();
  }

  hide(): void {
    this.view = { kind: 'none' };
    render(null, this.container);
    this.host.style.display = 'none';
    const focus = this.returnFocus as HTMLElement | null;
    this.returnFocus = null;
    focus?.focus?.({ preventScroll: true });
  }

  remove(): void {
    render(null, this.container);
    this.host.remove();
  }

  private show(view: View, near: DOMRect): void {
    this.view = view;
    this.place(near);
    this.draw();
  }

  /** Below the passage when there is room, else above it; always inside the viewport. */
  private place(near: DOMRect): void {
    const win = this.doc.defaultView!;
    const left = Math.max(MARGIN, Math.min(near.left, win.innerWidth - CARD_WIDTH - MARGIN));
    const below = near.bottom + MARGIN;
    const top = below + 200 < win.innerHeight ? below : Math.max(MARGIN, near.top - 200 - MARGIN);
    Object.assign(this.host.style, { left: `${left}px`, top: `${top}px`, display: 'block' });
  }

  private draw(): void {
    const view = this.view;
    switch (view.kind) {
      case 'none':
        return;
      case 'add-note':
        render(
          <button type="button" class="sl-add-note" onClick={(event) => event.isTrusted && view.onActivate()}>
            Add note
          </button>,
          this.container,
        );
        return;
      case 'card':
        render(
          <ClaimCard
            claim={view.claim}
            position={view.position}
            total={view.total}
            onAddNote={view.onAddNote}
            onClose={() => this.hide()}
            cardRef={(element) => {
              if (view.focus) element?.focus({ preventScroll: true });
            }}
          />,
          this.container,
        );
        return;
      case 'note':
        render(
          <NoteCard note={view.note} focus={view.focus} onEdit={view.actions.edit} onDelete={view.actions.remove} onClose={() => this.hide()} />,
          this.container,
        );
        return;
      case 'editor':
        render(
          <NoteEditor quote={view.target.quote} initial={view.target.initial} onSave={view.target.save} onClose={() => this.hide()} />,
          this.container,
        );
        return;
    }
  }
}
