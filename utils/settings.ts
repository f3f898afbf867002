import { storage } from 'wxt/utils/storage';
import { SOURCE_KINDS, type SourceKind } from './attribution/types';

/** What the reader chose to see. Kept in the extension's storage, read by every part. */
export interface Settings {
  /** Marks on pages at all. */
  enabled: boolean;
  /** Sites (as `siteOf` names them) where the reader turned marks off. */
  disabledSites: string[];
  /** Which kinds of source are marked. */
  kinds: Record<SourceKind, boolean>;
  /** The faint tint on what each claim says. */
  markContent: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledSites: [],
  kinds: { named: true, anonymous: true, vague: true, 'non-response': true },
  markContent: true,
};

const MAX_SITES = 10_000;

/** Settings as stored may be old, partial or damaged: keep what is valid, default the rest. */
export function sanitizeSettings(value: unknown): Settings {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof Settings, unknown>>;
  const rawKinds = (typeof raw.kinds === 'object' && raw.kinds !== null ? raw.kinds : {}) as Record<string, unknown>;
  const kinds = { ...DEFAULT_SETTINGS.kinds };
  for (const kind of SOURCE_KINDS) if (typeof rawKinds[kind] === 'boolean') kinds[kind] = rawKinds[kind] as boolean;
  return {
    enabled: typeof raw.enabled === 'boolean' ? raw.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: Array.isArray(raw.disabledSites)
      ? [...new Set(raw.disabledSites.filter((site): site is string => typeof site === 'string' && site.length < 300))].slice(0, MAX_SITES)
      : [],
    kinds,
    markContent: typeof raw.markContent === 'boolean' ? raw.markContent : DEFAULT_SETTINGS.markContent,
  };
}

/** Whether marks show on `site` by these settings. */
export function marksOnSite(settings: Settings, site: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(site);
}

/** The settings with marks on `site` turned on or off. */
export function withSite(settings: Settings, site: string, on: boolean): Settings {
  const others = settings.disabledSites.filter((entry) => entry !== site);
  return { ...settings, disabledSites: on ? others : [...others, site] };
}

/** The key in `storage.local` (WXT names it `local:settings`). */
export const SETTINGS_KEY = 'settings';

/** WXT's name for the settings in `storage.local`. */
const SETTINGS_ITEM = `local:${SETTINGS_KEY}` as const;

// WXT's storage functions, not a `defineItem`: an item reads the storage once as soon as it is
// defined, a wasted extension round trip in the content script's first task. No fallback is needed:
// nothing stored (or removed) sanitizes to the defaults.
export async function loadSettings(): Promise<Settings> {
  return sanitizeSettings(await storage.getItem<unknown>(SETTINGS_ITEM));
}

export async function saveSettings(settings: Settings): Promise<void> {
  await storage.setItem(SETTINGS_ITEM, sanitizeSettings(settings));
}

/** Calls `onChange` with the new settings whenever any part of the extension changes them. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return storage.watch<unknown>(SETTINGS_ITEM, (value) => onChange(sanitizeSettings(value)));
}
