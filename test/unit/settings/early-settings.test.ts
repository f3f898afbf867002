import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startEarlySettingsRead, takeEarlySettings } from '@/utils/early-settings';
import { DEFAULT_SETTINGS, saveSettings, SETTINGS_KEY } from '@/utils/settings';

describe('the early settings read', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    takeEarlySettings(); // nothing left over from another test
  });

  it('hands the stored settings to the content script, once', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, disabledSites: ['example.com'] });
    startEarlySettingsRead();
    const taken = takeEarlySettings();
    expect(taken).not.toBeNull();
    expect((await taken!).disabledSites).toEqual(['example.com']);
    expect(takeEarlySettings()).toBeNull();
  });

  it('gives the defaults when nothing is stored, and sanitizes damaged settings', async () => {
    startEarlySettingsRead();
    expect(await takeEarlySettings()).toEqual(DEFAULT_SETTINGS);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { enabled: 'yes', kinds: { vague: false } } });
    startEarlySettingsRead();
    const settings = await takeEarlySettings()!;
    expect(settings.enabled).toBe(true);
    expect(settings.kinds.vague).toBe(false);
  });

  it('keeps up with a change made before the content script starts', async () => {
    startEarlySettingsRead();
    await saveSettings({ ...DEFAULT_SETTINGS, enabled: false });
    expect((await takeEarlySettings()!).enabled).toBe(false);
  });

  it('is null when the early script did not run (a page open before an update)', () => {
    expect(takeEarlySettings()).toBeNull();
  });
});
