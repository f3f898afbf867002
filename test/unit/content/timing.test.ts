import { beforeEach, describe, expect, it } from 'vitest';
import { measureStep, SCRIPT_START, timed } from '@/entrypoints/content/timing';

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
const measures = (step: string) => performance.getEntriesByName(`sourcelight:${step}`, 'measure');

describe('step timings', () => {
  beforeEach(() => {
    performance.clearMeasures();
    performance.clearMarks();
  });

  it('become performance measures in a later task, not on the way to the marks', async () => {
    const result = timed('extract', () => {
      const until = performance.now() + 2;
      while (performance.now() < until);
      return 'done';
    });
    expect(result).toBe('done');
    expect(measures('extract')).toHaveLength(0);
    await nextTask();
    expect(measures('extract')).toHaveLength(1);
    expect(measures('extract')[0].duration).toBeGreaterThanOrEqual(1.5);
  });

  it('are recorded in the order they were timed, each run its own measure', async () => {
    timed('annotate', () => 1);
    timed('mark', () => 2);
    timed('annotate', () => 3);
    await nextTask();
    const ours = performance.getEntriesByType('measure').map((entry) => entry.name);
    expect(ours).toEqual(['sourcelight:annotate', 'sourcelight:mark', 'sourcelight:annotate']);
  });

  it('are recorded when the work throws, and the error still reaches the caller', async () => {
    expect(() => timed('mark', () => {
      throw new Error('page quirk');
    })).toThrow('page quirk');
    await nextTask();
    expect(measures('mark')).toHaveLength(1);
  });

  it('start at a named mark, and are left out when the page cleared it', async () => {
    performance.mark(SCRIPT_START);
    measureStep('script', SCRIPT_START, performance.now());
    await nextTask();
    expect(measures('script')).toHaveLength(1);
    performance.clearMarks(SCRIPT_START);
    measureStep('script', SCRIPT_START, performance.now());
    await nextTask();
    expect(measures('script')).toHaveLength(1);
  });
});
