/** Chromium binary for browser tests: CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's own (undefined). */
export function chromiumExecutable(): string | undefined;
/** Flags for a headless Chromium on a machine without network or GPU. */
export const chromiumArgs: string[];
