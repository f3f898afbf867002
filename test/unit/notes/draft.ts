import type { NoteDraft } from '@/utils/notes/note';

/** A valid note draft as a content script would send it. */
export function draft(overrides: Partial<NoteDraft> = {}): NoteDraft {
  return {
    url: 'https://www.example.com/news/story?utm_source=x#top',
    title: 'A story',
    quote: { type: 'TextQuoteSelector', exact: 'officials said', prefix: 'U.S. ', suffix: ' on Friday' },
    position: null,
    comment: 'who are these officials?',
    verdict: 'needs source',
    tags: ['anonymous'],
    claimSource: null,
    claimKind: null,
    ...overrides,
  };
}
