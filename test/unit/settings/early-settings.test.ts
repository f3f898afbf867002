import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startEarlySettingsRead, takeEarlySettings } from '@/utils/early-settings';
import { DEFAULT_SETTINGS, saveSettings, SETTINGS_KEY } from '@/utils/settings';

describe('the early settings read', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    takeEarlySettings()?.stop(); // nothing left over from another test
  });

  it('hands the stored settings to the content script, once', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, disabledSites: ['example.com'] });
    startEarlySettingsRead();
    const taken = takeEarlySettings();
    expect(taken).not.toBeNull();
    expect((await taken!.settings).disabledSites).toEqual(['example.com']);
    taken!.stop();
    expect(takeEarlySettings()).toBeNull();
  });

  it('gives the defaults when nothing is stored, and sanitizes damaged settings', async () => {
    startEarlySettingsRead();
    expect(await takeEarlySettings()!.settings).toEqual(DEFAULT_SETTINGS);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { enabled: 'yes', kinds: { vague: false } } });
    startEarlySettingsRead();
    const settings = await takeEarlySettings()!.settings;
    expect(settings.enabled).toBe(true);
    expect(settings.kinds.vague).toBe(false);
  });

  it('keeps up with a change made before the content script starts', async () => {
    startEarlySettingsRead();
    await saveSettings({ ...DEFAULT_SETTINGS, enabled: false });
    expect((await takeEarlySettings()!.settings).enabled).toBe(false);
  });

  it('keeps following changes once taken, until stopped', async () => {
    startEarlySettingsRead();
    const early = takeEarlySettings()!;
    const first = early.settings;
    expect((await first).enabled).toBe(true);
    await saveSettings({ ...DEFAULT_SETTINGS, enabled: false });
    expect(early.settings).not.toBe(first);
    expect((await early.settings).enabled).toBe(false);
    early.stop();
    const stopped = early.settings;
    await saveSettings({ ...DEFAULT_SETTINGS, enabled: true });
    expect(early.settings).toBe(stopped);
  });

  it('is null when the early script did not run (a page open before an update)', () => {
    expect(takeEarlySettings()).toBeNull();
  });
});
