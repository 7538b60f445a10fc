// Debian's Chromium and its flags, for the harness (test/browser/harness.ts) and for the browser the
// whole run shares (test/browser/shared-browser.ts).

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Flags from the developers' guide: no sandbox as root, no background traffic, no first-run UI. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]
