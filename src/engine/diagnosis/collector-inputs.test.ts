import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../parsers/index';
import { diagnose, inputsFromAnalysis } from './index';

const fixture = (name: string) => readFileSync(`src/engine/parsers/__fixtures__/collector/${name}`, 'utf8');

describe('collector output through analyzeText and the diagnosis', () => {
  it('labels every section with its machine and side, and parses each with its own parser', async () => {
    const analysis = await analyzeText(fixture('server-sql2014-sha512.txt'));
    expect(analysis.collector?.machines[0]?.side).toBe('server');
    const kinds = analysis.parts.map((p) => p.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'os-version',
        'schannel-protocols',
        'cipher-suites',
        'sql-version',
        'certificate',
        'errorlog',
      ]),
    );
    expect(analysis.parts.every((p) => p.section !== undefined && p.side === 'server')).toBe(true);
  });

  it('gives the diagnosis one input per machine, with the side the collector knows', async () => {
    const server = inputsFromAnalysis('server.txt', await analyzeText(fixture('server-sql2014-sha512.txt')));
    const client = inputsFromAnalysis('client.txt', await analyzeText(fixture('client-2012r2-no-tls12.txt')));
    expect(server.map((i) => i.side)).toEqual(['server']);
    expect(client.map((i) => i.side)).toEqual(['client']);
    const d = diagnose([...server, ...client]);
    expect(d.family).toBe('handshake-reset');
    expect(d.ranked[0]?.scenario).toBe('weak-certificate-hash');
    expect(d.signals.serverOs?.value.build).toBe(14393);
    expect(d.signals.clientOs?.value.build).toBe(9600);
  });

  it('leaves a normal paste as one input', async () => {
    const inputs = inputsFromAnalysis(
      'Paste 1',
      await analyzeText('An existing connection was forcibly closed by the remote host.'),
    );
    expect(inputs).toHaveLength(1);
    expect(inputs[0]?.side).toBeUndefined();
  });
});
