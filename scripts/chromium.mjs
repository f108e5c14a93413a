// Finds a Chromium for Playwright: CHROMIUM_PATH if set, else Debian's /usr/bin/chromium, else a
// Playwright-managed browser if one is installed. `ensureChromium()` also tries to get one (Playwright's
// installer, then Debian's package when running as root with apt) and otherwise explains what to install.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** @returns {{ path: string, source: string } | { error: string }} */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    return existsSync(fromEnv)
      ? { path: fromEnv, source: 'CHROMIUM_PATH' }
      : { error: `CHROMIUM_PATH is set to ${fromEnv}, but no file exists there.` };
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, source: 'Debian chromium' };
  try {
    const managed = chromium.executablePath();
    if (managed && existsSync(managed)) return { path: managed, source: 'Playwright-managed' };
  } catch {
    /* no managed browser registered */
  }
  return { error: 'No Chromium found.' };
}

function run(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit' }).status === 0;
}

export function ensureChromium() {
  const found = findChromium();
  if ('path' in found || process.env.CHROMIUM_PATH) return found;
  console.log('No Chromium found for the browser tests; trying to install one.');
  run('npx', ['playwright', 'install', 'chromium']);
  let again = findChromium();
  if ('path' in again) return again;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0) {
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', 'chromium']);
    again = findChromium();
    if ('path' in again) return again;
  }
  return {
    error:
      'No Chromium is available for the end-to-end tests, and installing one failed.\n' +
      '  Install one of these, then run the tests again:\n' +
      '    - Debian/Ubuntu: sudo apt-get install chromium   (gives /usr/bin/chromium)\n' +
      '    - or: npx playwright install chromium   (needs internet access)\n' +
      '    - or set CHROMIUM_PATH to an existing Chromium or Chrome executable.',
  };
}
