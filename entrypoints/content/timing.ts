/** Performance measures under this prefix let `npm run bench:page` time our work on the page. */
const TIMING = 'sourcelight:';

/** Runs `work`, measured as the step `step` (one measure per run; a benchmark sums them). */
export function timed<T>(step: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    performance.measure(`${TIMING}${step}`, { start, end: performance.now() });
  }
}
