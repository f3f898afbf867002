import type { Note } from '@/utils/notes/note';

let counter = 0;

/** A deterministic UUID for test notes. */
export function testId(n = ++counter): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** A complete, valid stored note. */
export function note(overrides: Partial<Note> = {}): Note {
  return {
    id: testId(),
    url: 'https://www.example.com/news/story',
    site: 'example.com',
    title: 'A story',
    quote: { type: 'TextQuoteSelector', exact: 'officials said', prefix: 'U.S. ', suffix: ' on Friday' },
    position: { type: 'TextPositionSelector', start: 120, end: 134 },
    comment: 'who are these officials?',
    verdict: 'needs source',
    tags: ['anonymous'],
    claimSource: null,
    claimKind: null,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...overrides,
  };
}

/** A fresh database name per test. */
export const freshName = () => `test-notes-${Math.random().toString(36).slice(2)}`;
