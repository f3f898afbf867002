import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { handleBackgroundRequest } from '@/utils/background-requests';
import type { PageSummary } from '@/utils/messaging';
import { notesDatabase } from '@/utils/notes/database';

/** Text for the toolbar badge: how many claims on the tab rest on unnamed sources. */
function badgeText(summary: PageSummary): string {
  const unnamed = summary.counts.anonymous + summary.counts.vague;
  return summary.marked && unnamed > 0 ? String(unnamed) : '';
}

export default defineBackground(() => {
  // Chrome (MV3) calls it `action`, Firefox MV2 `browserAction`.
  const toolbar = browser.action ?? browser.browserAction;

  const context = {
    extensionId: browser.runtime.id,
    database: notesDatabase,
    onPageSummary(tabId: number, summary: PageSummary) {
      void toolbar.setBadgeBackgroundColor({ tabId, color: '#8a4b00' });
      void toolbar.setBadgeText({ tabId, text: badgeText(summary) });
    },
  };

  browser.runtime.onMessage.addListener((message, sender) => handleBackgroundRequest(context, message, sender));
});
