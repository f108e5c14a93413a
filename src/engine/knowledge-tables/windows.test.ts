import { describe, expect, it } from 'vitest';
import { DEFAULT_CIPHER_ORDER, defaultProtocols, hasLeadingZeroFix, windowsRelease } from './windows';

describe('Windows releases', () => {
  it('maps builds to products and cipher families', () => {
    expect(windowsRelease(9600)).toMatchObject({ server: 'Windows Server 2012 R2', cipherFamily: '2012r2' });
    expect(windowsRelease(14393)).toMatchObject({
      server: 'Windows Server 2016',
      client: 'Windows 10',
      cipherFamily: '2016',
    });
    expect(windowsRelease(17763)?.cipherFamily).toBe('2019');
    expect(windowsRelease(20348)).toMatchObject({
      server: 'Windows Server 2022',
      client: null,
      cipherFamily: '2022',
    });
    expect(windowsRelease(19045)).toMatchObject({ cipherFamily: '2019', approximate: true });
    expect(windowsRelease(1000)).toBeNull();
  });
  it('has the documented differences between default orders', () => {
    const has = (f: keyof typeof DEFAULT_CIPHER_ORDER, n: string) => DEFAULT_CIPHER_ORDER[f].includes(n);
    expect(has('2016', 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA')).toBe(true);
    expect(has('2019', 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA')).toBe(false);
    expect(has('2019', 'TLS_RSA_WITH_RC4_128_SHA')).toBe(false);
    expect(has('2022', 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384')).toBe(true);
    expect(DEFAULT_CIPHER_ORDER['2022'].slice(0, 2)).toEqual([
      'TLS_AES_256_GCM_SHA384',
      'TLS_AES_128_GCM_SHA256',
    ]);
    expect(DEFAULT_CIPHER_ORDER['2012r2'].some((n) => n.startsWith('TLS_ECDHE_RSA_WITH_AES_256_GCM'))).toBe(
      false,
    );
    expect(DEFAULT_CIPHER_ORDER['2019'].indexOf('TLS_DHE_RSA_WITH_AES_256_GCM_SHA384')).toBe(4);
  });
  it('applies SQLCheck’s leading-zero (dheVersion) rule', () => {
    expect(hasLeadingZeroFix(6, 9600, null)).toBe(false);
    expect(hasLeadingZeroFix(10, 10240, null)).toBe(false);
    expect(hasLeadingZeroFix(10, 10586, null)).toBe(true);
    expect(hasLeadingZeroFix(10, 14393, 3541)).toBe(false);
    expect(hasLeadingZeroFix(10, 14393, 3542)).toBe(true);
    expect(hasLeadingZeroFix(10, 14393, null)).toBeNull();
    expect(hasLeadingZeroFix(10, 17763, null)).toBe(true);
    expect(hasLeadingZeroFix(null, null, null)).toBeNull();
  });
  it('gives OS protocol defaults (domain-facts §1.3)', () => {
    expect(defaultProtocols('6.1', 7601)?.['TLS 1.2']).toEqual({ client: 'disabled', server: 'disabled' });
    expect(defaultProtocols('6.1', 7601)?.['SSL 2.0']).toEqual({ client: 'disabled', server: 'enabled' });
    expect(defaultProtocols('6.0', 6001)?.['TLS 1.1'].server).toBe('not-supported');
    expect(defaultProtocols('6.3', null)?.['TLS 1.2'].server).toBe('enabled');
    expect(defaultProtocols(null, 14393)?.['SSL 3.0'].server).toBe('disabled');
    expect(defaultProtocols(null, 17763)?.['TLS 1.3'].server).toBe('not-supported');
    expect(defaultProtocols(null, 20348)?.['TLS 1.3'].server).toBe('enabled');
    expect(defaultProtocols('10.0', null)).toBeNull();
  });
});
