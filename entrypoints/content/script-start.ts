/**
 * Imported first by the content script: marks when the browser started running it, before any of
 * its other modules set up, so `npm run bench:page` can time the whole script and not only its main().
 */
import { SCRIPT_START } from './timing';

/** When the task that runs this script began its work of ours (setting up our modules, then main()). */
export const scriptStartedAt = performance.mark(SCRIPT_START).startTime;
