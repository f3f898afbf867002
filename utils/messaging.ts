import { SOURCE_KINDS } from './attribution/types';
import { arrayOf, boolean, integer, isObject, literal, nullable, oneOf, shape, string, UUID, type Check } from './checks';
import type { KindCounts, SourceGroup } from './claims-summary';
import {
  MAX_COMMENT_LENGTH,
  MAX_CONTEXT_LENGTH,
  MAX_QUOTE_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  MAX_TITLE_LENGTH,
  MAX_URL_LENGTH,
  VERDICTS,
  type Note,
  type NoteDraft,
} from './notes/note';

/**
 * The one protocol between content scripts / extension pages and the background,
 * and between the popup and a tab's content script. Every message is validated on receipt:
 * it crosses a process boundary and a compromised page could try to forge one.
 */

/** What a content script knows about its page, for the popup and the badge. */
export interface PageSummary {
  /** The canonical page URL notes are filed under (null on pages that are not http(s)). */
  url: string | null;
  title: string;
  site: string;
  isArticle: boolean;
  /** Marks are on the page now. */
  marked: boolean;
  /** The reader turned marks off for this site or everywhere. */
  disabled: boolean;
  counts: KindCounts;
  sources: SourceGroup[];
  /** Notes of this page whose passage could not be found on it any more (never dropped: listed). */
  orphanNoteIds: string[];
}

/** What the reader may change of a note from the page (all three, as the editor shows them). */
export interface NoteEdit {
  comment: string;
  verdict: NoteDraft['verdict'];
  tags: string[];
}

export type BackgroundRequest =
  | { type: 'notes/save'; draft: NoteDraft }
  | { type: 'notes/list'; url: string }
  | { type: 'notes/update'; id: string; changes: NoteEdit }
  | { type: 'notes/delete'; id: string }
  | { type: 'page/summary'; summary: PageSummary };

export type BackgroundResponse<T extends BackgroundRequest['type']> = T extends 'notes/save' | 'notes/update' | 'notes/delete'
  ? Result<Note>
  : T extends 'notes/list'
    ? Result<Note[]>
    : Result<null>;

/** Requests to a tab's content script (from the popup or the background); each answers with the page summary. */
export type TabRequest =
  | { type: 'page/get-summary' }
  | { type: 'page/mark-now' }
  | { type: 'page/show-claim'; index: number }
  | { type: 'page/step'; direction: 1 | -1; unnamedOnly: boolean };

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };


const noteId: Check = (value, path) => (typeof value === 'string' && UUID.test(value) ? null : `${path} must be a note id`);

const checkEdit = shape({ comment: string(MAX_COMMENT_LENGTH), verdict: oneOf(VERDICTS), tags: arrayOf(string(MAX_TAG_LENGTH), MAX_TAGS) });

const checkDraft = shape({
  url: string(MAX_URL_LENGTH),
  title: string(MAX_TITLE_LENGTH),
  quote: shape({
    type: literal('TextQuoteSelector'),
    exact: string(MAX_QUOTE_LENGTH),
    prefix: string(MAX_CONTEXT_LENGTH),
    suffix: string(MAX_CONTEXT_LENGTH),
  }),
  position: nullable(shape({ type: literal('TextPositionSelector'), start: integer, end: integer })),
  comment: string(MAX_COMMENT_LENGTH),
  verdict: oneOf(VERDICTS),
  tags: arrayOf(string(MAX_TAG_LENGTH), MAX_TAGS),
  claimSource: nullable(string(MAX_QUOTE_LENGTH)),
  claimKind: nullable(oneOf(SOURCE_KINDS)),
});

const checkCounts = shape(Object.fromEntries(SOURCE_KINDS.map((kind) => [kind, integer])));

const MAX_CLAIMS = 100_000;

const checkSummary = shape({
  url: nullable(string(MAX_URL_LENGTH)),
  title: string(MAX_TITLE_LENGTH),
  site: string(MAX_URL_LENGTH),
  isArticle: boolean,
  marked: boolean,
  disabled: boolean,
  counts: checkCounts,
  sources: arrayOf(shape({ label: string(200), kind: oneOf(SOURCE_KINDS), claims: arrayOf(integer, MAX_CLAIMS) }), MAX_CLAIMS),
  orphanNoteIds: arrayOf(noteId, MAX_CLAIMS),
});

const backgroundRequestChecks: Record<BackgroundRequest['type'], Check> = {
  'notes/save': shape({ type: literal('notes/save'), draft: checkDraft }),
  'notes/list': shape({ type: literal('notes/list'), url: string(MAX_URL_LENGTH) }),
  'notes/update': shape({ type: literal('notes/update'), id: noteId, changes: checkEdit }),
  'notes/delete': shape({ type: literal('notes/delete'), id: noteId }),
  'page/summary': shape({ type: literal('page/summary'), summary: checkSummary }),
};

/** Validates an incoming background request; returns it typed, or the first problem found. */
export function parseBackgroundRequest(message: unknown): Result<BackgroundRequest> {
  if (!isObject(message) || typeof message.type !== 'string' || !(message.type in backgroundRequestChecks)) {
    return { ok: false, error: 'unknown message type' };
  }
  const problem = backgroundRequestChecks[message.type as BackgroundRequest['type']](message, 'message');
  return problem ? { ok: false, error: problem } : { ok: true, value: message as BackgroundRequest };
}

const tabRequestChecks: Record<TabRequest['type'], Check> = {
  'page/get-summary': shape({ type: literal('page/get-summary') }),
  'page/mark-now': shape({ type: literal('page/mark-now') }),
  'page/show-claim': shape({ type: literal('page/show-claim'), index: integer }),
  'page/step': shape({
    type: literal('page/step'),
    direction: (value, path) => (value === 1 || value === -1 ? null : `${path} must be 1 or -1`),
    unnamedOnly: boolean,
  }),
};

/** Validates a request sent to a tab's content script; null for anything else. */
export function parseTabRequest(message: unknown): TabRequest | null {
  if (!isObject(message) || typeof message.type !== 'string' || !(message.type in tabRequestChecks)) return null;
  return tabRequestChecks[message.type as TabRequest['type']](message, 'message') ? null : (message as TabRequest);
}

/** Validates a summary that came back from a content script (the popup trusts no page-side data). */
export function parsePageSummary(value: unknown): PageSummary | null {
  return checkSummary(value, 'summary') ? null : (value as PageSummary);
}
