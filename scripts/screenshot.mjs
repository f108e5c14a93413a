// Takes screenshots of the built app in headless Chromium, to look at what we build.
//   node scripts/screenshot.mjs [--dark] [--width 1280] [--full] route[=name] ...
// Needs dist/ (npm run build). Writes screenshots/<name>-<light|dark>.png.
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findChromium } from './chromium.mjs';
import { startStaticServer } from './serve.mjs';

const args = process.argv.slice(2);
const dark = args.includes('--dark');
const full = args.includes('--full');
const width = Number(args[args.indexOf('--width') + 1]) || 1280;
const routes = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--width');
const found = findChromium();
if ('error' in found) throw new Error(found.error);
const server = await startStaticServer({ port: 4179 });
const browser = await chromium.launch({
  executablePath: found.path,
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({
  viewport: { width, height: 900 },
  colorScheme: dark ? 'dark' : 'light',
});
mkdirSync('screenshots', { recursive: true });
for (const spec of routes.length ? routes : ['/=home']) {
  const [route, name = route.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'] = spec.split('=');
  await page.goto(`http://127.0.0.1:4179/#${route}`);
  await page.waitForTimeout(400);
  const path = `screenshots/${name}-${dark ? 'dark' : 'light'}.png`;
  await page.screenshot({ path, fullPage: full, animations: 'disabled' });
  console.log(path);
}
await browser.close();
server.close();
