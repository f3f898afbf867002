import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleBackgroundRequest } from '@/utils/background-requests';
import type { PageSummary, TabRequest } from '@/utils/messaging';
import { notesDatabase } from '@/utils/notes/database';

/** Text for the toolbar badge: how many claims on the tab rest on unnamed sources. */
function badgeText(summary: PageSummary): string {
  const unnamed = summary.counts.anonymous + summary.counts.vague;
  return summary.marked && unnamed > 0 ? String(unnamed) : '';
}

/** The keyboard shortcuts declared in the manifest, as requests to the active tab. */
const COMMANDS: Record<string, TabRequest> = {
  'next-claim': { type: 'page/step', direction: 1, unnamedOnly: false },
  'previous-claim': { type: 'page/step', direction: -1, unnamedOnly: false },
  'next-unnamed-claim': { type: 'page/step', direction: 1, unnamedOnly: true },
  'mark-page': { type: 'page/mark-now' },
};

export default defineBackground(() => {
  // Chrome (MV3) calls it `action`, Firefox MV2 `browserAction`.
  const toolbar = browser.action ?? browser.browserAction;

  const context = {
    extensionId: browser.runtime.id,
    database: notesDatabase,
    onPageSummary(tabId: number, summary: PageSummary) {
      void toolbar.setBadgeBackgroundColor({ tabId, color: '#8a4b00' }).catch(() => {});
      void toolbar.setBadgeText({ tabId, text: badgeText(summary) }).catch(() => {});
    },
  };

  browser.runtime.onMessage.addListener((message, sender) => handleBackgroundRequest(context, message, sender));

  browser.commands.onCommand.addListener(async (command) => {
    const request = COMMANDS[command];
    if (!request) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    // Pages where no content script runs (browser pages, the stores) simply do not answer.
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, request).catch(() => {});
  });
});
