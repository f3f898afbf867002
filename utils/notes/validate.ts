import { SOURCE_KINDS } from '../attribution/types';
import { integer, literal, nullable, oneOf, shape, string, UUID, type Check } from '../checks';
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
} from './note';
import { normalizePageUrl } from './page-url';

/** Latest time a JavaScript Date can hold: times must survive conversion to ISO dates in exports. */
const MAX_TIME = 8.64e15;

const time: Check = (value, path) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_TIME
    ? null
    : `${path} must be a time in milliseconds (a finite number from 0)`;

const uuid: Check = (value, path) =>
  typeof value === 'string' && UUID.test(value) ? null : `${path} must be a lower-case UUID`;

const pageUrl: Check = (value, path) =>
  string(MAX_URL_LENGTH)(value, path) ?? (normalizePageUrl(value as string) ? null : `${path} must be an http(s) address`);

const tagList: Check = (value, path) => {
  if (!Array.isArray(value)) return `${path} must be a list`;
  if (value.length > MAX_TAGS) return `${path} has more than ${MAX_TAGS} entries`;
  const seen = new Set<string>();
  for (let i = 0; i < value.length; i++) {
    const problem = string(MAX_TAG_LENGTH)(value[i], `${path}[${i}]`);
    if (problem) return problem;
    const tag = value[i] as string;
    if (!tag.trim() || tag !== tag.trim()) return `${path}[${i}] must be a non-empty tag without surrounding spaces`;
    if (seen.has(tag)) return `${path}[${i}] repeats the tag "${tag}"`;
    seen.add(tag);
  }
  return null;
};

const position: Check = (value, path) =>
  shape({ type: literal('TextPositionSelector'), start: integer, end: integer })(value, path) ??
  ((value as { start: number; end: number }).start > (value as { end: number }).end ? `${path}.start is after its end` : null);

const checkNote = shape({
  id: uuid,
  url: pageUrl,
  title: string(MAX_TITLE_LENGTH),
  site: string(MAX_URL_LENGTH),
  quote: shape({
    type: literal('TextQuoteSelector'),
    exact: string(MAX_QUOTE_LENGTH),
    prefix: string(MAX_CONTEXT_LENGTH),
    suffix: string(MAX_CONTEXT_LENGTH),
  }),
  position: nullable(position),
  comment: string(MAX_COMMENT_LENGTH),
  verdict: oneOf(VERDICTS),
  tags: tagList,
  claimSource: nullable(string(MAX_QUOTE_LENGTH)),
  claimKind: nullable(oneOf(SOURCE_KINDS)),
  createdAt: time,
  updatedAt: time,
});

/**
 * Checks a complete stored note (for import and restore): exact fields, types, lengths, verdict,
 * kind, an http(s) URL, times. Returns the first problem found, or null when the note is sound.
 * Strings may hold any UTF-16, lone surrogates included: a passage's prefix can cut an emoji in half.
 */
export function validateNote(value: unknown): string | null {
  const problem = checkNote(value, 'note');
  if (problem) return problem.replace(/^note\./, '');
  const note = value as Note;
  if (!note.quote.exact.trim() && !note.comment.trim()) return 'a note needs a passage or a comment';
  return null;
}

/** Checks the fields a reader may change on an existing note; returns the first problem or null. */
export function validateChanges(changes: { comment?: unknown; verdict?: unknown; tags?: unknown }): string | null {
  if (changes.comment !== undefined) {
    const problem = string(MAX_COMMENT_LENGTH)(changes.comment, 'comment');
    if (problem) return problem;
  }
  if (changes.verdict !== undefined) {
    const problem = oneOf(VERDICTS)(changes.verdict, 'verdict');
    if (problem) return problem;
  }
  if (changes.tags !== undefined) {
    const problem = tagList(changes.tags, 'tags');
    if (problem) return problem;
  }
  return null;
}
