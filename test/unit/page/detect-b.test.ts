// @vitest-environment node
/** Article detection on odd-numbered corpus pages (two files: happy-dom parsing is slow, they run in parallel). */
import { describe, it } from 'vitest';
import { checkDetection } from './detection';

describe('article detection on the corpus, half 2', () => {
  it('detects articles and non-articles', () => checkDetection(1), 120_000);
});
