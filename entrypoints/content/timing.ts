/** Performance marks and measures under this prefix let `npm run bench:page` time our work on the page. */
const TIMING = 'sourcelight:';

/** The mark set when the content script's first module starts (`script-start.ts`). */
export const SCRIPT_START = `${TIMING}script-start`;

/**
 * Measures the step `step` from `start` (a time, or the name of a mark: nothing is measured when the
 * page has cleared that mark) to `end`.
 */
export function measureStep(step: string, start: number | string, end: number): void {
  if (typeof start === 'string' && performance.getEntriesByName(start).length === 0) return;
  performance.measure(`${TIMING}${step}`, { start, end });
}

/** Runs `work`, measured as the step `step` (one measure per run; a benchmark sums them). */
export function timed<T>(step: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    measureStep(step, start, performance.now());
  }
}
