// Types of what the bench (TypeScript) uses from codeServer.mjs.
import type { Browser } from 'playwright-core';

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export function launchBrowser(): Promise<Browser>;
