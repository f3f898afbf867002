import { browser } from 'wxt/browser';
import type { BackgroundRequest, Result } from '@/utils/messaging';

/** Tries after a connection failure: Chrome may be restarting a stopped service worker. */
const RETRIES = 2;
const RETRY_DELAY_MS = 200;

/** Only failures before the message was delivered are safe to retry (a save is not repeated twice). */
const notDelivered = (error: unknown) => /Could not establish connection|Receiving end does not exist/i.test(String(error));

/** Sends a request to the background and resolves its answer, or a message for the reader. */
export async function askBackground<T>(request: BackgroundRequest): Promise<Result<T>> {
  for (let attempt = 0; ; attempt++) {
    try {
      const reply = (await browser.runtime.sendMessage(request)) as Result<T> | undefined;
      return reply ?? { ok: false, error: 'Sourcelight did not answer. Please try again.' };
    } catch (error) {
      if (attempt < RETRIES && notDelivered(error)) {
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
        continue;
      }
      return { ok: false, error: `Sourcelight could not be reached (${error instanceof Error ? error.message : String(error)}). Please try again.` };
    }
  }
}
