import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '@/utils/settings';

describe('the stored settings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('are not read when the module loads: the content script reads them once, early', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    vi.resetModules();
    await import('@/utils/settings');
    await new Promise((resolve) => setTimeout(resolve, 0)); // any read queued by the import has run by now
    expect(get).not.toHaveBeenCalled();
  });

  it('load as the defaults when nothing is stored, and as saved afterwards', async () => {
    const { loadSettings, saveSettings } = await import('@/utils/settings');
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    const saved: Settings = { ...DEFAULT_SETTINGS, disabledSites: ['example.com'], markContent: !DEFAULT_SETTINGS.markContent };
    await saveSettings(saved);
    expect(await loadSettings()).toEqual(saved);
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(saved);
  });

  it('are sanitized on the way in and out', async () => {
    const { loadSettings } = await import('@/utils/settings');
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { enabled: 'yes', kinds: { vague: false }, disabledSites: [42] } });
    const settings = await loadSettings();
    expect(settings.enabled).toBe(true);
    expect(settings.kinds.vague).toBe(false);
    expect(settings.disabledSites).toEqual([]);
  });

  it('report every change to a watcher, the defaults when removed, until unwatched', async () => {
    const { saveSettings, watchSettings } = await import('@/utils/settings');
    const seen: Settings[] = [];
    const unwatch = watchSettings((settings) => seen.push(settings));
    await saveSettings({ ...DEFAULT_SETTINGS, enabled: false });
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0].enabled).toBe(false);
    await fakeBrowser.storage.local.remove(SETTINGS_KEY);
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen[1]).toEqual(DEFAULT_SETTINGS);
    unwatch();
    await saveSettings({ ...DEFAULT_SETTINGS, enabled: false });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toHaveLength(2);
  });
});
