/** Performance marks and measures under this prefix let `npm run bench:page` time our work on the page. */
const TIMING = 'sourcelight:';

/** The mark set when the content script's first module starts (`script-start.ts`). */
export const SCRIPT_START = `${TIMING}script-start`;

/** Steps timed but not yet recorded as measures: recording waits for a task of its own. */
const pending: Array<{ step: string; start: number | string; end: number }> = [];

/**
 * Records the pending steps as performance measures. A measure costs more than a clock read (the
 * first builds the browser's user-timing objects), so steps on the way to the marks do not pay it.
 */
function recordPending(): void {
  for (const { step, start, end } of pending.splice(0)) {
    // Nothing is measured from a mark the page has cleared.
    if (typeof start === 'string' && performance.getEntriesByName(start).length === 0) continue;
    performance.measure(`${TIMING}${step}`, { start, end });
  }
}

/**
 * Measures the step `step` from `start` (a time, or the name of a mark) to `end`, as a performance
 * measure recorded in a later task, in the order the steps were timed.
 */
export function measureStep(step: string, start: number | string, end: number): void {
  if (pending.length === 0) setTimeout(recordPending, 0);
  pending.push({ step, start, end });
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
