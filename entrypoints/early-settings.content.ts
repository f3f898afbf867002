import { defineContentScript } from 'wxt/utils/define-content-script';
import { startEarlySettingsRead } from '@/utils/early-settings';

/** Reads the reader's settings as the page starts loading, for the content script that marks it (see utils/early-settings.ts). */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  main() {
    startEarlySettingsRead();
  },
});
