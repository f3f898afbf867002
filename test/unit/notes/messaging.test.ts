import { describe, expect, it } from 'vitest';
import { parseBackgroundRequest, parsePageSummary, parseTabRequest } from '@/utils/messaging';
import { draft } from './draft';

describe('background requests are validated', () => {
  it('accepts a well-formed note draft', () => {
    expect(parseBackgroundRequest({ type: 'notes/save', draft: draft() })).toEqual({
      ok: true,
      value: { type: 'notes/save', draft: draft() },
    });
  });

  it.each([
    ['an unknown type', { type: 'notes/drop-all' }, 'unknown message type'],
    ['no object', 'notes/save', 'unknown message type'],
    ['a page-provided id', { type: 'notes/save', draft: { ...draft(), id: 'x' } }, 'message.draft.id is not expected'],
    ['a bad verdict', { type: 'notes/save', draft: draft({ verdict: 'true' as never }) }, 'message.draft.verdict must be one of'],
    ['a huge comment', { type: 'notes/save', draft: draft({ comment: 'x'.repeat(20_001) }) }, 'message.draft.comment is longer'],
    ['a tag that is no string', { type: 'notes/save', draft: draft({ tags: [1 as never] }) }, 'message.draft.tags[0] must be a string'],
    ['a negative position', { type: 'notes/save', draft: draft({ position: { type: 'TextPositionSelector', start: -1, end: 3 } }) }, 'message.draft.position.start'],
    ['a missing url', { type: 'notes/list' }, 'message.url must be a string'],
  ])('refuses %s', (_, message, problem) => {
    const result = parseBackgroundRequest(message);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(problem);
  });

  it('checks tab requests and page summaries strictly', () => {
    expect(parseTabRequest({ type: 'page/get-summary' })).toEqual({ type: 'page/get-summary' });
    expect(parseTabRequest({ type: 'page/get-summary', extra: 1 })).toBeNull();
    expect(parseTabRequest({ type: 'notes/save' })).toBeNull();
    expect(parseTabRequest({ type: 'page/step', direction: 1, unnamedOnly: true })).toEqual({ type: 'page/step', direction: 1, unnamedOnly: true });
    expect(parseTabRequest({ type: 'page/step', direction: 2, unnamedOnly: true })).toBeNull();
    expect(parseTabRequest({ type: 'page/show-claim', index: -1 })).toBeNull();
    const summary = {
      url: null,
      title: 't',
      site: '',
      isArticle: true,
      marked: true,
      disabled: false,
      counts: { named: 1, anonymous: 0, vague: 2, 'non-response': 0 },
      sources: [{ label: 'Media reports', kind: 'vague', claims: [0, 2] }],
      orphanNoteIds: ['0b8a4f57-8a1e-4c55-9f0e-3f1f8e0d2a11'],
    };
    expect(parsePageSummary(summary)).toEqual(summary);
    expect(parsePageSummary({ ...summary, counts: { ...summary.counts, vague: -1 } })).toBeNull();
    expect(parsePageSummary({ ...summary, title: '<img src=x onerror=alert(1)>' })).not.toBeNull();
    expect(parsePageSummary({ ...summary, sources: [{ label: 'x', kind: 'secret', claims: [] }] })).toBeNull();
    expect(parsePageSummary({ ...summary, orphanNoteIds: ['../../etc'] })).toBeNull();
  });
});
