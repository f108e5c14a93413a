import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

type StartStaticServer = (options: { root?: string; port?: number }) => Promise<Server>;

/** Serves a built folder on a free port of 127.0.0.1 with scripts/serve.mjs (plain static, no rewrites). */
export async function serveDist(root = 'dist'): Promise<{ url: string; close: () => Promise<void> }> {
  const servePath: string = '../serve.mjs';
  const { startStaticServer } = (await import(servePath)) as { startStaticServer: StartStaticServer };
  const server = await startStaticServer({ root, port: 0 });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
