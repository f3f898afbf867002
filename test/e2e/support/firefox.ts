import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { firefoxBuild, requireBuild } from './corpus';

/** Must match `browser_specific_settings.gecko.id` in wxt.config.ts. */
export const GECKO_ID = 'sourcelight@sourcelight.dev';
/** Fixed internal UUID, so the extension's pages have a known moz-extension:// address. */
export const EXTENSION_UUID = '6f3b2c0e-5a1d-4e7b-9c8f-2d4e6a8b0c1f';
export const extensionOrigin = `moz-extension://${EXTENSION_UUID}`;

export interface FirefoxSession {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Debian's firefox-esr, headless, driven over WebDriver BiDi, without the extension. The extension gets
 * the fixed UUID whenever it is installed. Only 127.0.0.1 is reachable: everything else goes to a dead proxy.
 */
export function launchBareFirefox(profileDir: string, extraPrefs: Record<string, unknown> = {}): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    userDataDir: profileDir,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': '127.0.0.1',
      'network.proxy.allow_hijacking_localhost': false,
      ...extraPrefs,
    },
  });
}

/**
 * launchBareFirefox with the built extension installed as a temporary add-on (again after every
 * launch). A persistent `profileDir` keeps IndexedDB across restarts.
 */
export async function launchFirefox(profileDir: string): Promise<FirefoxSession> {
  const extension = requireBuild(firefoxBuild);
  const browser = await launchBareFirefox(profileDir, {
    // A temporary add-on is uninstalled when the browser closes: keep its data for the restart.
    'extensions.webextensions.keepStorageOnUninstall': true,
    'extensions.webextensions.keepUuidOnUninstall': true,
  });
  await browser.installExtension(extension);
  return { browser, close: () => browser.close() };
}

/**
 * Opens an extension page. `page.goto` on moz-extension:// never resolves, so start the
 * navigation without awaiting it and wait for the document instead.
 */
export async function openExtensionPage(session: FirefoxSession, path: string): Promise<Page> {
  const page = await session.browser.newPage();
  const target = `${extensionOrigin}/${path}`;
  void page.goto(target).catch(() => {});
  const deadline = Date.now() + 20_000;
  for (;;) {
    const ready = await page
      .evaluate(() => [location.href, document.readyState])
      .catch(() => ['', '']);
    if (ready[0] === target && ready[1] === 'complete') return page;
    if (Date.now() > deadline) throw new Error(`${target} did not open`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** The tab id of the tab showing `url`, asked from an extension page. */
export async function tabIdOf(session: FirefoxSession, url: string): Promise<number> {
  const helper = await openExtensionPage(session, 'popup.html');
  const id = await helper.evaluate(async (wanted) => {
    const api = (globalThis as unknown as { browser: import('webextension-polyfill').Browser }).browser;
    const me = await api.tabs.getCurrent();
    for (const tab of await api.tabs.query({})) {
      if (tab.id === undefined || tab.id === me?.id) continue;
      const summary = (await api.tabs.sendMessage(tab.id, { type: 'page/get-summary' }).catch(() => null)) as { url?: string } | null;
      if (summary?.url === wanted) return tab.id;
    }
    return -1;
  }, url);
  await helper.close();
  if (id < 0) throw new Error(`no tab answers for ${url}`);
  return id;
}
