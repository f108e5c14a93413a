import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, hashRoute, test } from './fixtures';
import {
  certificateMsg,
  clientHello,
  DHE_RSA_AES256_GCM,
  ECDHE_RSA_AES256_GCM,
  encrypted,
  inTds,
  record,
  serverHello,
  serverHelloDone,
  clientKeyExchange,
  ccs,
  cat,
  writePcap,
  writePcapng,
  type WFrame,
} from '../src/engine/capture/testing/writer';
import {
  CLIENT_SUITES,
  dheClosed,
  goodHandshake,
  protocolMismatch,
  synRetransmits,
  tds7Start,
} from '../src/engine/capture/testing/scenarios';

/** Frames of several sessions, each on its own client port, merged in time order. */
function merge(...sessions: { frames: WFrame[] }[]): WFrame[] {
  return sessions.flatMap((s) => s.frames).sort((a, b) => a.ts - b.ts);
}

/** A good handshake whose server certificate is a real one signed with SHA-512 (weak for SQL Server). */
function handshakeWithSha512Certificate() {
  const der = readFileSync('src/engine/parsers/__fixtures__/certificate/rsa-sha512.der');
  const s = tds7Start({ cport: 50400, start: 1_700_000_000_500 });
  s.send(true, inTds(record(0x16, clientHello({ suites: CLIENT_SUITES, sni: 'sql01.contoso.com' }))));
  s.send(
    false,
    inTds(
      record(
        0x16,
        cat(
          serverHello({ suite: ECDHE_RSA_AES256_GCM }),
          certificateMsg([new Uint8Array(der)]),
          serverHelloDone(),
        ),
      ),
    ),
  );
  s.send(true, inTds(cat(record(0x16, clientKeyExchange(66)), ccs(), encrypted(0x16, 40))));
  s.send(false, inTds(cat(ccs(), encrypted(0x16, 40))));
  s.fin(true, 5);
  return s;
}

async function drop(page: Page, name: string, buffer: Buffer) {
  await page
    .getByLabel('Choose files to analyze')
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
}

const card = (page: Page, name: string) => page.getByRole('article', { name });
const bytes = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

test.beforeEach(async ({ page }) => {
  await page.goto(hashRoute('/paste'));
});

test('a capture is read with progress, then lists its connections, failed ones only by default', async ({
  page,
}) => {
  const pcap = writePcap(
    merge(
      protocolMismatch(),
      goodHandshake({ cport: 50200, start: 1_700_000_000_100 }),
      goodHandshake({ cport: 50300, start: 1_700_000_000_200 }),
    ),
  );
  await drop(page, 'trace.pcap', bytes(pcap));
  const c = card(page, 'trace.pcap');
  await expect(c).toContainText('packet capture of');
  await expect(c.getByRole('table', { name: /SQL Server connections in trace.pcap/ })).toBeVisible();
  await expect(c.getByRole('term').filter({ hasText: 'SQL Server connections' })).toBeVisible();
  const filter = c.getByRole('checkbox', { name: /Show only failed connections/ });
  await expect(filter).toBeChecked();
  const table = c.getByRole('table', { name: /SQL Server connections in trace.pcap/ });
  const failedRows = await table.getByRole('row').count();
  await expect(table).toContainText('Handshake failed');
  await expect(table).not.toContainText('Handshake completed');
  await filter.uncheck();
  await expect(table).toContainText('Handshake completed');
  expect(await table.getByRole('row').count()).toBeGreaterThan(failedRows);
  await expect(table.getByRole('columnheader', { name: 'TDS' })).toBeVisible();
  await expect(table).toContainText('7.x');
});

test('a failed connection opens its handshake: hellos side by side and the reset line', async ({ page }) => {
  test.setTimeout(60_000); // axe over the whole page, verdict included
  await drop(page, 'reset.pcap', bytes(writePcap(protocolMismatch().frames)));
  const c = card(page, 'reset.pcap');
  const details = c.getByRole('button', { name: /Details of connection 1/ });
  await expect(details).toHaveAttribute('aria-expanded', 'false');
  await details.click();
  await expect(details).toHaveAttribute('aria-expanded', 'true');
  const detail = c.getByRole('region', { name: /Connection 1: 10\.0\.0\.5:50123/ });
  await expect(detail.getByRole('heading', { name: /Client Hello \(frame \d+\)/ })).toBeVisible();
  await expect(detail.getByRole('heading', { name: 'Server Hello' })).toBeVisible();
  await expect(detail).toContainText('No Server Hello');
  await expect(detail).toContainText('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384');
  await expect(detail).toContainText(/Reset \(RST\) by the server in frame \d+, 3 ms after the Client Hello/);
  const timeline = detail.getByRole('table', { name: /Timeline of connection 1/ });
  await expect(timeline.getByRole('columnheader', { name: 'Frame' })).toBeVisible();
  // the direction arrow is hidden from screen readers, which hear "server to client"
  await expect(timeline.getByRole('row', { name: /server\s+to\s+client\s+RST/ })).toBeVisible();
  await expect(timeline.getByRole('row', { name: /client\s+to\s+server\s+Client Hello/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('DHE chosen then FIN, with the chosen suite marked', async ({ page }) => {
  await drop(page, 'dhe.pcap', bytes(writePcap(dheClosed().frames)));
  const c = card(page, 'dhe.pcap');
  await c.getByRole('button', { name: /Details of connection 1/ }).click();
  const detail = c.getByRole('region', { name: /Connection 1:/ });
  await expect(detail).toContainText('TLS_DHE_RSA_WITH_AES_256_GCM_SHA384 (chosen by the server)');
  await expect(detail).toContainText(/Closed \(FIN\) by the server in frame \d+/);
  await expect(detail.getByRole('heading', { name: /Server Hello \(frame \d+\)/ })).toBeVisible();
  await expect(detail).toContainText('(DHE)');
  expect(DHE_RSA_AES256_GCM).toBe(0x009f);
});

test('SYN retransmits, from a pcapng file', async ({ page }) => {
  await drop(page, 'syn.pcapng', bytes(writePcapng(synRetransmits().frames)));
  const c = card(page, 'syn.pcapng');
  await expect(c).toContainText('SYN retransmitted 3 times, then RST');
  await c.getByRole('button', { name: /Details of connection 1/ }).click();
  await expect(c.getByRole('region', { name: /Connection 1:/ })).toContainText(
    'The client sent its SYN 4 times (3 retransmissions); the server answered with a reset.',
  );
});

test('the server certificate carried in the capture is checked for a weak signature', async ({ page }) => {
  await drop(page, 'cert.pcap', bytes(writePcap(handshakeWithSha512Certificate().frames)));
  const c = card(page, 'cert.pcap');
  await c.getByRole('checkbox', { name: /Show only failed connections/ }).uncheck();
  await c.getByRole('button', { name: /Details of connection 1/ }).click();
  const detail = c.getByRole('region', { name: /Connection 1:/ });
  await expect(detail.getByRole('heading', { name: /Server certificate/ })).toBeVisible();
  await expect(detail).toContainText('SHA512');
  await expect(detail).toContainText('breaks the TLS 1.2 handshake with SQL Server');
});

test('a pasted server cipher list is compared with the Client Hello', async ({ page }) => {
  await page
    .getByTestId('paste-input')
    .fill(
      [
        'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384',
        'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
        'TLS_RSA_WITH_NULL_SHA256',
      ].join('\n'),
    );
  await page.getByRole('button', { name: 'Analyze' }).click();
  await drop(page, 'mismatch.pcap', bytes(writePcap(protocolMismatch().frames)));
  const c = card(page, 'mismatch.pcap');
  await c.getByRole('button', { name: /Details of connection 1/ }).click();
  const detail = c.getByRole('region', { name: /Connection 1:/ });
  await expect(detail.getByRole('heading', { name: /compared with your pasted cipher list/ })).toBeVisible();
  await expect(detail).toContainText(/2 of the 8 suites offered are also in/);
});

test('random bytes named .pcap get a clear message', async ({ page }) => {
  const junk = Buffer.alloc(4096);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) & 255;
  await drop(page, 'broken.pcap', junk);
  const c = card(page, 'broken.pcap');
  await expect(c).toContainText('This is not a pcap or pcapng file');
  await expect(c).toContainText('not a capture');
});

test('cancelling a large capture leaves the page usable', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  // ~300 MB: one block of handshakes, repeated; large enough that reading is still under way when Cancel is
  // pressed, even on a fast machine (the engine reads about 300 MB/s in Node).
  const block = writePcap(
    merge(
      ...Array.from({ length: 40 }, (_, i) =>
        goodHandshake({ cport: 40000 + i, start: 1_700_000_000_000 + i }),
      ),
    ),
  );
  const header = block.subarray(0, 24);
  const body = block.subarray(24);
  const copies = Math.ceil((300 * 1024 * 1024) / body.length);
  const big = Buffer.alloc(24 + body.length * copies);
  big.set(header, 0);
  for (let i = 0; i < copies; i++) big.set(body, 24 + i * body.length);
  const path = testInfo.outputPath('big.pcap');
  writeFileSync(path, big);
  await page.getByLabel('Choose files to analyze').setInputFiles(path);
  const c = card(page, 'big.pcap');
  await expect(c.getByRole('progressbar', { name: 'Reading big.pcap' })).toBeVisible();
  await c.getByRole('button', { name: 'Cancel reading big.pcap' }).click({ timeout: 10_000 });
  await expect(c).toContainText('Reading was cancelled');
  await expect(c.getByRole('progressbar')).toHaveCount(0);
  // The page still works: a paste is analysed, and the cancelled file can be removed.
  await page
    .getByTestId('paste-input')
    .fill('An existing connection was forcibly closed by the remote host.');
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.getByRole('article', { name: 'Paste 1' })).toBeVisible();
  await c.getByRole('button', { name: 'Remove big.pcap' }).click();
  await expect(c).toHaveCount(0);
});

test('the capture view has no accessibility violations in light and dark mode, with the guide open', async ({
  page,
}) => {
  test.setTimeout(120_000);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.reload();
    await drop(
      page,
      'trace.pcap',
      bytes(writePcap(merge(protocolMismatch(), goodHandshake({ cport: 50200 })))),
    );
    const c = card(page, 'trace.pcap');
    await c.getByRole('button', { name: /Details of connection 1/ }).click();
    const list = page.getByTestId('capture-list');
    await list.getByText('How to capture the failing handshake').click();
    await expect(list.getByRole('button', { name: /Copy PowerShell: Start a pktmon capture/ })).toBeVisible();
    await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${scheme}\\b`));
    await expectNoAxeViolations(page, { wcagOnly: scheme === 'dark' });
  }
});
