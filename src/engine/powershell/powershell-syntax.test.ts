/**
 * Every PowerShell command in the knowledge base, filled with its default parameter values, must parse
 * (tree-sitter-powershell) and follow the house rules: full cmdlet names, no aliases, no backtick line
 * continuations, no prompts, quoted property lists, no placeholder left behind.
 */
import { describe, expect, it } from 'vitest';
import { allCommandBlocks } from '../knowledge';
import { fillWithDefaults } from './quote';
import { CMDLET_NAME, parsePowerShell, POWERSHELL_ALIASES } from './syntax.testing';

const EXECUTABLE = /^[a-z][a-z0-9]*\.exe$/;

const blocks = allCommandBlocks();
const powershell = blocks.filter((block) => block.language === 'powershell');

const filled = (id: string): string => {
  const block = blocks.find((b) => b.id === id);
  const result = block ? fillWithDefaults(block) : { ok: false as const, reason: 'missing' };
  if (!result.ok) throw new Error(`${id}: ${result.reason}`);
  return result.code;
};

describe('PowerShell commands in the knowledge base', () => {
  it('has PowerShell commands to check', () => {
    expect(powershell.length).toBeGreaterThan(25);
  });

  it.each(powershell.map((block) => [block.id]))('%s parses without error', async (id) => {
    const parsed = await parsePowerShell(filled(id));
    expect(parsed.firstError, `${id}: ${parsed.firstError}`).toBeUndefined();
    expect(parsed.hasError).toBe(false);
  });

  it.each(powershell.map((block) => [block.id]))('%s uses full cmdlet names only', async (id) => {
    const { commandNames } = await parsePowerShell(filled(id));
    expect(commandNames.length).toBeGreaterThan(0);
    for (const name of commandNames) {
      expect(POWERSHELL_ALIASES.has(name.toLowerCase()), `${id} uses the alias ${name}`).toBe(false);
      expect(
        CMDLET_NAME.test(name) || EXECUTABLE.test(name),
        `${id}: "${name}" is not a Verb-Noun cmdlet or an .exe`,
      ).toBe(true);
    }
  });

  it.each(powershell.map((block) => [block.id]))('%s follows the house rules', (id) => {
    const code = filled(id);
    expect(code, 'backtick (line continuation or escape)').not.toContain('`');
    expect(code, 'prompt').not.toMatch(/^\s*PS\s+[A-Za-z]:\\[^\n]*>/m);
    expect(code, 'prompt').not.toMatch(/^\s*[A-Za-z]:\\>/m);
    expect(code, 'unfilled placeholder').not.toMatch(/\{\{|\}\}/);
    expect(code, 'bare property list').not.toMatch(/-(?:Property|ExpandProperty)\s+[A-Za-z]/);
    // "$name:" inside a string is read as a scope or drive qualifier and breaks the script.
    expect(code, 'variable followed by a colon').not.toMatch(
      /\$(?!env:|script:|global:|local:|using:|private:)[A-Za-z_]\w*:/,
    );
  });
});

describe('every command block', () => {
  it.each(blocks.map((block) => [block.id]))(
    '%s fills with its defaults and declares exactly its tokens',
    (id) => {
      const block = blocks.find((b) => b.id === id)!;
      const tokens = new Set(block.code.match(/\{\{[A-Za-z]+\}\}/g) ?? []);
      expect(new Set((block.parameters ?? []).map((p) => p.token))).toEqual(tokens);
      expect(fillWithDefaults(block).ok).toBe(true);
    },
  );

  it.each(blocks.map((block) => [block.id]))('%s is labelled consistently', (id) => {
    const block = blocks.find((b) => b.id === id)!;
    if (block.changesSystem && block.where !== 'client') expect(block.runAsAdministrator).toBe(true);
    if (/^(check|backup)-/.test(id)) expect(block.changesSystem).toBe(false);
    if (/^(fix|undo)-/.test(id) || id.startsWith('restart-')) expect(block.changesSystem).toBe(true);
    expect(block.code.trim()).toBe(block.code);
  });

  it('uses unique ids', () => {
    expect(new Set(blocks.map((b) => b.id)).size).toBe(blocks.length);
  });
});

describe('syntax helper', () => {
  it('catches broken scripts', async () => {
    expect((await parsePowerShell('Get-Item -Path {')).hasError).toBe(true);
    expect((await parsePowerShell("Write-Output 'unterminated")).hasError).toBe(true);
    expect((await parsePowerShell('if ($true) { Get-Date')).hasError).toBe(true);
  });

  it('reports command names, aliases included', async () => {
    expect((await parsePowerShell('gci | % { $_ } | Select-Object -First 1')).commandNames).toEqual([
      'gci',
      '%',
      'Select-Object',
    ]);
  });
});
