/** Turns an IndexedDB/Dexie failure into a sentence a reader can act on. */
export function describeStorageError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  const both = `${name} ${inner}`;
  if (/QuotaExceeded/.test(both)) {
    return 'Your browser has no space left for Sourcelight notes. Free some disk space or delete old notes; nothing was saved.';
  }
  if (/UpgradeBlocked|VersionError|Blocked/.test(both)) {
    return 'Sourcelight has been updated, but another Sourcelight tab or window still uses the old notes store. Close other Sourcelight tabs (popup, options, note windows) and try again; your notes are safe.';
  }
  if (/MissingAPI|InvalidState|Security|OpenFailed/.test(both)) {
    return 'Sourcelight cannot open its notes store. The browser may be refusing storage (for example a private window or "never remember history"). Nothing was saved.';
  }
  if (/DatabaseClosed/.test(both)) {
    return 'The notes store was closed while saving. Please try again; nothing was saved.';
  }
  if (/InvalidNote/.test(both)) {
    return error instanceof Error ? error.message : 'The note is not valid. Nothing was saved.';
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `Sourcelight could not store the note (${detail}). Nothing was saved.`;
}
