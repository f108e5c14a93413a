/**
 * Every PowerShell command the app can produce, given hostile values where the user supplies them: each
 * value is either refused (no code at all, a reason) or inserted as one inert single-quoted literal; the
 * filled command parses and runs exactly the commands it runs with its default values, nothing more.
 * Commands without parameters (the collector script, the capture commands) take no user input.
 */
import { describe, expect, it } from 'vitest';
import { allCommandBlocks } from '../knowledge';
import { CAPTURE_COMMANDS } from '../knowledge/capture-commands';
import { collectorScript } from '../knowledge/collector';
import type { CommandBlock } from '../knowledge/types';
import { fillCommand, fillWithDefaults, psSingleQuote } from './quote';
import { parsePowerShell } from './syntax.testing';

const HOSTILE = [
  "'; Stop-Computer -Force; '",
  "x' + $(Stop-Computer) + 'y",
  '$(Stop-Computer)',
  '@(Stop-Computer)',
  '`$env:USERPROFILE`',
  '`n`r`0',
  'a;b',
  'a | Out-File C:\\x.txt',
  'a & b',
  'line1\nStop-Computer',
  'line1\r\nStop-Computer',
  'line1\rStop-Computer',
  '\u2018; Stop-Computer; \u2019',
  '\u2019; Stop-Computer; \u2018',
  '\u201C; Stop-Computer; \u201D',
  '\u201D$(Stop-Computer)\u201C',
  '\u201A\u201B',
  '"$(Stop-Computer)"',
  '# comment',
  '<# block',
  '{{thumbprint}}',
  '\u0000',
  '\u202Eabc',
  '',
  ' ',
];

/** Valid values of each kind, to wrap in hostile text. */
const VALID: Record<string, string> = {
  thumbprint: 'B3029394BB92AA8EDA0B8E37BAD09345B4992E3D',
  'instance-name': 'PROD',
  'host-name': 'sql01.contoso.com',
  protocol: 'TLS 1.2',
  'cipher-suite': 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'service-name': 'MSSQL$PROD',
};

/** Everything the app shows as a command: the knowledge base, the collector script, the capture commands. */
const blocks: CommandBlock[] = [
  ...new Map(
    [...allCommandBlocks(), collectorScript, ...CAPTURE_COMMANDS].map((b) => [b.id, b] as const),
  ).values(),
];
const withParameters = blocks.filter((b) => b.parameters?.length);

describe('commands with user-supplied values', () => {
  it('exist, so this test checks something', () => {
    expect(withParameters.length).toBeGreaterThan(3);
  });

  for (const block of withParameters) {
    for (const parameter of block.parameters!) {
      const name = parameter.token.slice(2, -2);
      const valid = VALID[parameter.kind]!;
      const values = [
        ...HOSTILE,
        ...HOSTILE.map((h) => valid + h),
        ...HOSTILE.map((h) => h + valid),
        `${valid}'`,
        `${valid}\u2019`,
      ];
      it(`${block.id}: ${name} refuses or quotes every hostile value, and the command still parses`, async () => {
        const baseline = fillWithDefaults(block);
        expect(baseline.ok).toBe(true);
        const baselineCommands = baseline.ok ? (await parsePowerShell(baseline.code)).commandNames : [];
        let filled = 0;
        for (const value of values) {
          const result = fillCommand(block, { [name]: value });
          if (!result.ok) {
            expect(result.reason, JSON.stringify(value)).toMatch(/\w{3}/);
            expect('code' in result).toBe(false);
            continue;
          }
          filled++;
          // An accepted value was normalised to something without any character PowerShell treats specially.
          expect(result.code).not.toMatch(/Stop-Computer|Out-File/);
          if (block.language === 'powershell') {
            const parsed = await parsePowerShell(result.code);
            expect(parsed.firstError, `${block.id} with ${JSON.stringify(value)}`).toBeUndefined();
            expect(parsed.commandNames).toEqual(baselineCommands);
          }
        }
        // Hostile text is never accepted, except plain spaces around a value (trimmed).
        expect(filled).toBeLessThanOrEqual(4);
      });
    }
  }
});

describe('commands without user-supplied values', () => {
  const fixed = blocks.filter((b) => !b.parameters?.length);

  it('have no placeholder left to fill', () => {
    for (const block of fixed) expect(block.code, block.id).not.toMatch(/\{\{[A-Za-z]+\}\}/);
  });

  it('include the collector script and the capture commands, which take no user input', () => {
    expect(fixed).toContain(collectorScript);
    for (const block of CAPTURE_COMMANDS) expect(fixed).toContain(block);
  });

  it('parse as they are (PowerShell ones)', async () => {
    for (const block of fixed.filter((b) => b.language === 'powershell')) {
      const parsed = await parsePowerShell(block.code);
      expect(parsed.firstError, block.id).toBeUndefined();
    }
  });
});

describe('psSingleQuote with Unicode quotes', () => {
  it('doubles the single-quote look-alikes PowerShell ends a string on (U+2018, U+2019)', () => {
    expect(psSingleQuote('\u2018x\u2019')).toBe("'\u2018\u2018x\u2019\u2019'");
  });

  it('leaves the double-quote look-alikes (U+201C, U+201D) alone: inside single quotes they are text', async () => {
    const literal = psSingleQuote('\u201C$(Stop-Computer)\u201D');
    expect(literal).toBe("'\u201C$(Stop-Computer)\u201D'");
    const parsed = await parsePowerShell(`$value = ${literal}`);
    expect(parsed.hasError).toBe(false);
    expect(parsed.commandNames).toEqual([]);
  });

  it('keeps a value mixing every quote kind as one literal', async () => {
    const value = `'\u2018\u2019\u201A\u201B"\u201C\u201D\`$(Stop-Computer);`;
    const parsed = await parsePowerShell(`$value = ${psSingleQuote(value)}`);
    expect(parsed.hasError).toBe(false);
    expect(parsed.commandNames).toEqual([]);
  });
});
