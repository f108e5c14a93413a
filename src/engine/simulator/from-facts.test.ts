import { describe, expect, it } from 'vitest';
import { inputsFromAnalysis } from '../diagnosis/index';
import { analyzeText } from '../parsers/index';
import { sidesFromAnalyses } from './from-facts';
import { simulate } from './simulate';

const SQL_VERSION = `Microsoft SQL Server 2014 (RTM) - 12.0.2000.8 (X64)
	Feb 20 2014 20:04:26
	Copyright (c) Microsoft Corporation
	Enterprise Edition (64-bit) on Windows NT 6.3 <X64> (Build 9600: ) (Hypervisor)`;

const SERVER_CIPHERS = `TLS_DHE_RSA_WITH_AES_256_GCM_SHA384
TLS_DHE_RSA_WITH_AES_128_GCM_SHA256
TLS_RSA_WITH_AES_256_CBC_SHA`;

const CLIENT_ERROR = `A connection was successfully established with the server, but then an error occurred during the login process. (provider: SSL Provider, error: 0 - An existing connection was forcibly closed by the remote host.)`;

describe('sidesFromAnalyses', () => {
  it('fills the server from @@VERSION and a cipher list, and says what it assumed', async () => {
    const server = inputsFromAnalysis('version.txt', await analyzeText(SQL_VERSION), 'server');
    const ciphers = inputsFromAnalysis('ciphers.txt', await analyzeText(SERVER_CIPHERS), 'server');
    const r = sidesFromAnalyses([...server, ...ciphers]);
    expect(r.server.sqlBuild).toBe('12.0.2000.8');
    expect(r.server.windows.build).toBe(9600);
    expect(r.server.windows.cipherOrder?.[0]).toBe('TLS_DHE_RSA_WITH_AES_256_GCM_SHA384');
    expect(r.used.join('\n')).toContain('12.0.2000.8');
    expect(r.assumed.join('\n')).toContain('Certificate not pasted');
    expect(r.assumed.join('\n')).not.toContain('SQL Server build not pasted');
    // SQL Server 2014 RTM vs the default client (TLS 1.2 capable): TLS 1.0 only on the server, the client allows it
    const sim = simulate(r.server, r.client);
    expect(sim.offers.serverProtocols).toEqual(['SSL 3.0', 'TLS 1.0']);
  });

  it('reads the client library from the error text and a Windows version for the client', async () => {
    const err = inputsFromAnalysis('error.txt', await analyzeText(CLIENT_ERROR), 'client');
    const os = inputsFromAnalysis(
      'ver.txt',
      await analyzeText('Microsoft Windows [Version 10.0.14393.3443]'),
      'client',
    );
    const r = sidesFromAnalyses([...err, ...os]);
    expect(r.client.os).toBe('windows');
    expect(r.client.windows?.build).toBe(14393);
    expect(r.client.windows?.ubr).toBe(3443);
  });

  it('never throws on odd inputs', () => {
    expect(() =>
      sidesFromAnalyses([
        {
          source: 'x',
          artifacts: [{ kind: 'os-version', facts: { build: 'nope' } } as never, null as never],
        },
        {} as never,
      ]),
    ).not.toThrow();
  });
});
