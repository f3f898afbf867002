import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

const GECKO_ID = 'sourcelight@sourcelight.dev';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: easier to follow than WXT's auto-imports.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Sourcelight',
    short_name: 'Sourcelight',
    description:
      'See who is behind each claim in the news: marks attributed claims, flags anonymous and vague sourcing, and keeps your notes on this device.',
    permissions: ['storage'],
    action: { default_title: 'Sourcelight' },
    commands: {
      'next-claim': { suggested_key: { default: 'Alt+Shift+J' }, description: 'Go to the next claim' },
      'previous-claim': { suggested_key: { default: 'Alt+Shift+K' }, description: 'Go to the previous claim' },
      'next-unnamed-claim': { suggested_key: { default: 'Alt+Shift+U' }, description: 'Go to the next anonymous or vague claim' },
      'mark-page': { suggested_key: { default: 'Alt+Shift+M' }, description: 'Mark claims on this page, even if it is not an article' },
    },
    // Firefox-only keys: WXT does not strip them from the Chrome build, so add them per browser.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
