import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, sanitizeSettings, SETTINGS_KEY, type Settings } from './settings';

/**
 * The settings, read as the page starts loading so they are at hand when the content script
 * starts marking at document idle (a storage read is an IPC round trip, 10–30 ms on a busy machine).
 * Our content scripts share one global per frame: the early script leaves the read there. It uses
 * `storage.local` directly, not WXT's storage wrapper, to stay small: it runs on every page.
 */
const SLOT = '__sourcelightEarlySettings';

/** The early read, as the content script takes it: `settings` follows changes until `stop()`. */
export interface EarlySettings {
  /** The stored settings; a newer promise when they change before `stop()`. */
  readonly settings: Promise<Settings>;
  /** Stops following changes (once the content script watches them itself). */
  stop(): void;
}

/** The early script's own side of it: it replaces `settings` when they change. */
interface EarlyRead extends EarlySettings {
  settings: Promise<Settings>;
}

type WithSlot = typeof globalThis & { [SLOT]?: EarlyRead };

/** Starts the read, and keeps it current until the content script stops it. */
export function startEarlySettingsRead(): void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) early.settings = Promise.resolve(sanitizeSettings(changes[SETTINGS_KEY].newValue ?? DEFAULT_SETTINGS));
  };
  const early: EarlyRead = {
    settings: browser.storage.local.get(SETTINGS_KEY).then((stored) => sanitizeSettings(stored[SETTINGS_KEY] ?? DEFAULT_SETTINGS)),
    stop: () => browser.storage.onChanged.removeListener(onChanged),
  };
  browser.storage.onChanged.addListener(onChanged);
  (globalThis as WithSlot)[SLOT] = early;
}

/**
 * The early script's read (or null when it did not run, e.g. on a page that was open before an
 * update), once: it keeps following changes until the caller stops it.
 */
export function takeEarlySettings(): EarlySettings | null {
  const early = (globalThis as WithSlot)[SLOT];
  if (!early) return null;
  delete (globalThis as WithSlot)[SLOT];
  return early;
}
