// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';

const KEY = 'tls10054.simulator';

async function freshStore() {
  vi.resetModules();
  return (await import('./simulatorStore')).useSimulatorStore;
}

describe('simulator store', () => {
  beforeEach(() => sessionStorage.clear());

  it('keeps the setup across a reload of the tab, as a share-link token', async () => {
    const store = await freshStore();
    const server = { ...store.getState().server, sqlBuild: '11.0.7001.0' };
    store.getState().setServer(server);
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as { state?: { token?: unknown } };
    expect(typeof saved.state?.token).toBe('string');

    const reloaded = await freshStore();
    expect(reloaded.getState().server.sqlBuild).toBe('11.0.7001.0');
  });

  it('ignores a damaged saved setup instead of failing', async () => {
    sessionStorage.setItem(KEY, JSON.stringify({ state: { token: '%%%' }, version: 1 }));
    const store = await freshStore();
    expect(store.getState().server.sqlBuild).toMatch(/^\d+\./);
    sessionStorage.setItem(KEY, '{not json');
    const again = await freshStore();
    expect(again.getState().client.kind).toBeTruthy();
  });

  it('loading a pair bumps the revision so the forms start afresh', async () => {
    const store = await freshStore();
    const before = store.getState().revision;
    store.getState().load({ server: store.getState().server, client: store.getState().client });
    expect(store.getState().revision).toBe(before + 1);
  });
});
