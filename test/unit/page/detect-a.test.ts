// @vitest-environment node
/** Article detection on even-numbered corpus pages (two files: happy-dom parsing is slow, they run in parallel). */
import { describe, it } from 'vitest';
import { checkDetection } from './detection';

describe('article detection on the corpus, half 1', () => {
  it('detects articles and non-articles', () => checkDetection(0), 120_000);
});
