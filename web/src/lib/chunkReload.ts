const RELOADED_KEY = 'pejling.reloadedAfterChunkError';

/** After a new release the old page files are gone: reload once (never in a loop) to fetch the new ones. */
export function reloadOnceForNewVersion(): void {
  try {
    if (sessionStorage.getItem(RELOADED_KEY)) return;
    sessionStorage.setItem(RELOADED_KEY, '1');
  } catch {
    return;
  }
  window.location.reload();
}

/** Called once a page has been drawn, so a later release may reload again. */
export function clearChunkReloadMark(): void {
  try {
    sessionStorage.removeItem(RELOADED_KEY);
  } catch {
    // Nothing to clear.
  }
}
