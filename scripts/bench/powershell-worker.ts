/**
 * Parses PowerShell (tree-sitter, WebAssembly) in a worker thread for scripts/fuzz.ts. Kept off the main
 * thread because initialising web-tree-sitter in a Node process makes the next WebCrypto call there
 * (the certificate parser's SHA-1 thumbprint) wait for tens of seconds.
 */
import { parentPort } from 'node:worker_threads';
import { parsePowerShell } from '../../src/engine/powershell/syntax.testing';

parentPort!.on('message', (message: { id: number; code: string }) => {
  parsePowerShell(message.code).then(
    (result) => parentPort!.postMessage({ id: message.id, result }),
    (error: unknown) => parentPort!.postMessage({ id: message.id, error: String(error) }),
  );
});
