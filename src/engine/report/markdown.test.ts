import { describe, expect, it } from 'vitest';
import type { CommandBlock, Scenario } from '../knowledge/types';
import { mdEscape, mdFence, outcomeTicketSummary } from './markdown';

const check: CommandBlock = {
  id: 'c1',
  title: 'List protocol keys',
  language: 'powershell',
  code: "Get-ChildItem -Path 'HKLM:\\SYSTEM'",
  changesSystem: false,
  runAsAdministrator: false,
  where: 'server',
};
const fix: CommandBlock = {
  ...check,
  id: 'c2',
  title: 'Enable TLS 1.2',
  changesSystem: true,
  code: 'Set-Thing',
};

const scenario: Scenario = {
  type: 'scenario',
  id: 'tls-protocol-mismatch',
  articleNumber: 1,
  title: 'No TLS version in common',
  summary: 'The client and the server share no TLS version.',
  affects: 'Old servers',
  symptoms: ['s'],
  pointsTo: ['p'],
  pointsAway: ['a'],
  confirm: [{ id: 's1', kind: 'check', title: 'Read the keys', body: 'b', commands: [check] }],
  fix: [
    {
      id: 's2',
      kind: 'fix',
      title: 'Turn on TLS 1.2',
      body: 'b',
      commands: [fix],
      warning: 'Needs a reboot',
    },
  ],
  verify: [{ id: 's3', kind: 'verify', title: 'Connect again', body: 'b' }],
  undo: [],
  restarts: 'The SQL Server service.',
  references: [
    { label: 'TLS 1.2 support for SQL Server', kb: 'KB3135244', url: 'https://example.invalid/kb' },
  ],
  keywords: [],
};

describe('ticket summary', () => {
  it('holds the verdict, the answers, the steps with their commands in order, and the references', () => {
    const text = outcomeTicketSummary(
      scenario,
      [{ question: 'Does it fail every time?', answer: 'Yes, every time' }],
      (c) => c.code,
      'http://intranet/10054/#/scenario/tls-protocol-mismatch',
    );
    expect(text).toContain('## 10054 troubleshooting: No TLS version in common');
    expect(text).toContain('- Does it fail every time?: **Yes, every time**');
    expect(text.indexOf('### Confirm')).toBeLessThan(text.indexOf('### Fix'));
    expect(text).toContain('(read-only, server)');
    expect(text).toContain('(changes configuration, server)');
    expect(text).toContain("Get-ChildItem -Path 'HKLM:\\SYSTEM'");
    expect(text).toContain('(warning: Needs a reboot)');
    expect(text).toContain('KB3135244');
    expect(text).toContain('Link: http://intranet/10054/#/scenario/tls-protocol-mismatch');
  });

  it('says when a command could not be filled instead of printing a broken one', () => {
    const text = outcomeTicketSummary(scenario, [], () => undefined);
    expect(text).toContain('List protocol keys: not shown (a value it needs is not valid)');
    expect(text).not.toContain('Get-ChildItem');
  });
});

describe('markdown helpers', () => {
  it('fences code containing backticks with a longer fence', () => {
    expect(mdFence('a ``` b', 'powershell')).toBe('````powershell\na ``` b\n````');
  });
  it('escapes characters that would turn prose into markup', () => {
    expect(mdEscape('<script>*x*</script>\nnext')).toBe('\\<script\\>\\*x\\*\\</script\\> next');
  });
});
