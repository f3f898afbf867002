/**
 * Gives the page a turn (input, rendering), then resumes: ahead of the tasks already queued where the
 * browser offers `scheduler.yield` (so a page busy loading does not delay our marks), in a new task
 * otherwise.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
