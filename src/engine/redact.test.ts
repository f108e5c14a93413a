import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact';

describe('redactSecrets', () => {
  it.each([
    ['Server=sql01;User ID=app;Password=Sup3r$ecret;Encrypt=True', 'Password=[removed];Encrypt=True'],
    ['Server=sql01;UID=app;PWD={se;cr}et};', 'PWD=[removed]'],
    ['jdbc:sqlserver://sql01:1433;user=app;password=hunter2;encrypt=true', 'password=[removed];encrypt=true'],
    ['sqlcmd -S sql01 -U sa -P "p@ss word" -Q "select 1"', '-P [removed] -Q'],
    ["Data Source=x;Password='quoted pass'", 'Password=[removed]'],
    ['Authorization: Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.abc', 'Bearer [removed]'],
    ['AccessToken=eyJ0eXAiOiJKV1QiLCJh;', 'AccessToken=[removed]'],
  ])('removes the secret in %s', (input, expected) => {
    const r = redactSecrets(input);
    expect(r.text).toContain(expected);
    expect(r.removed.length).toBeGreaterThan(0);
  });

  it('removes private key blocks and says so', () => {
    const r = redactSecrets('a\n-----BEGIN PRIVATE KEY-----\nMIIEv...\n-----END PRIVATE KEY-----\nb');
    expect(r.text).toBe('a\n[private key removed]\nb');
    expect(r.removed).toEqual([{ what: 'private key', count: 1 }]);
  });

  it('leaves error text, registry dumps and certificates alone', () => {
    const text =
      'A connection was successfully established with the server, but then an error occurred during the pre-login handshake.\n' +
      'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client\n' +
      '    Enabled    REG_DWORD    0x1\n-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
    expect(redactSecrets(text)).toEqual({ text, removed: [] });
  });

  it('removes a long secret whole, not only its first 500 characters', () => {
    const secret = 'Zq' + 'x'.repeat(600) + 'TAIL9';
    for (const text of [
      `Password=${secret};`,
      `sqlcmd -S sql01 -U sa -P ${secret}`,
      `client_secret=${secret}`,
    ]) {
      const r = redactSecrets(text);
      expect(r.text).not.toContain('TAIL9');
      expect(redactSecrets(r.text).text).toBe(r.text);
    }
  });

  it('is fast on adversarial input', () => {
    const nasty =
      'password='.repeat(20_000) + '-P '.repeat(20_000) + '-----BEGIN PRIVATE KEY-----'.repeat(2000);
    const t0 = performance.now();
    redactSecrets(nasty);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('redactSecrets with truncated private keys', () => {
  it('removes a private key whose END line is missing, up to the first line that is not base64', () => {
    const r = redactSecrets(
      'before\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\nkqhkiG9w0BAQ\nafter the key',
    );
    expect(r.text).toBe('before\n[private key removed]\nafter the key');
    expect(r.removed).toEqual([{ what: 'private key', count: 1 }]);
  });
});
