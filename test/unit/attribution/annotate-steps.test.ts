// @vitest-environment node
/** The resumable detector (annotateSteps): the content script's way of running it on long texts. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotate, annotateSteps, type AnnotationClock, type Claim } from '../../../utils/attribution/index';
import { requireShared } from '../../e2e/support/corpus';

const corpus = join(requireShared(), 'corpus');

/** The labelled pages' texts, the seed article, and all of them joined (longer than one 16 KB block). */
function texts(): string[] {
  const labelled = join(corpus, 'labels', 'text');
  const all = readdirSync(labelled).map((file) => readFileSync(join(labelled, file), 'utf8'));
  all.push(readFileSync(join(corpus, 'seed', 'seed-voa-sony.txt'), 'utf8'));
  all.push(all.join('\n\n'));
  return all;
}

/** Runs the steps to their end; counts the times they gave control back. */
function runSteps(text: string, clock: AnnotationClock): { claims: Claim[]; pauses: number } {
  const steps = annotateSteps(text, clock);
  let pauses = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { claims: step.value, pauses };
    pauses++;
  }
}

describe('annotateSteps', () => {
  it('finds exactly what annotate finds, however often it pauses', () => {
    for (const text of texts()) {
      const whole = annotate(text);
      expect(runSteps(text, { due: () => true }).claims).toEqual(whole);
      let looks = 0;
      expect(runSteps(text, { due: () => ++looks % 3 === 0 }).claims).toEqual(whole);
    }
  });

  it('pauses between sentences when the clock is due, and never when it is not', () => {
    const longest = texts().at(-1)!;
    expect(longest.length).toBeGreaterThan(100_000);
    const { pauses } = runSteps(longest, { due: () => true });
    // At least one pause per block and per few sentences: a long text is never annotated in one go.
    expect(pauses).toBeGreaterThan(longest.length / 2000);
    expect(runSteps(longest, { due: () => false }).pauses).toBe(0);
  });

  it('reads a block in three passes (tokens, quotations, sentences), each in a step of its own when the clock is due', () => {
    // A one-sentence text: a pause before each of the three reading passes, then one before the
    // sentence in each of the two passes over sentences.
    const { claims, pauses } = runSteps('The minister said the talks would resume.', { due: () => true });
    expect(claims).toHaveLength(1);
    expect(pauses).toBe(5);
  });

  it('gives no claims and no pause for empty or non-string input', () => {
    expect(runSteps('', { due: () => true })).toEqual({ claims: [], pauses: 0 });
    expect(runSteps(null as unknown as string, { due: () => true })).toEqual({ claims: [], pauses: 0 });
  });
});
