import { browser } from 'wxt/browser';
import { parsePageSummary, type PageSummary, type TabRequest } from '@/utils/messaging';

/**
 * The tab the popup is about: `?tab=<id>` when the popup is opened as a page for a given
 * tab, otherwise the active tab of the current window.
 */
export async function targetTabId(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isSafeInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** Asks the tab's content script; null where none runs (browser pages, the store, PDFs). */
export async function askTab(tabId: number, request: TabRequest): Promise<PageSummary | null> {
  try {
    return parsePageSummary(await browser.tabs.sendMessage(tabId, request));
  } catch {
    return null;
  }
}
