import { describe, expect, it } from 'vitest';
import { partCounts } from './partCounts';

describe('partCounts', () => {
  it('counts parts by kind, most frequent first, with thousands separated', () => {
    const parts = [
      ...Array.from({ length: 1200 }, () => ({ kind: 'errorlog' as const })),
      ...Array.from({ length: 3 }, () => ({ kind: 'sql-version' as const })),
      { kind: 'unknown' as const },
    ];
    expect(partCounts(parts)).toBe('ERRORLOG excerpts: 1,200; SQL Server versions: 3; not recognised: 1');
  });

  it("names the collector's own sections apart from text nothing recognised", () => {
    expect(
      partCounts([
        { kind: 'unknown', section: 'updates' },
        { kind: 'unknown', section: 'dotnet' },
        { kind: 'unknown' },
        { kind: 'schannel-protocols', section: 'protocols' },
      ]),
    ).toBe('sections read by the collector: 2; not recognised: 1; SCHANNEL protocol settings: 1');
  });
});
