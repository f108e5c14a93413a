import { describe, expect, it } from 'vitest';
import { OTHER_ERROR_IDS, SCENARIO_IDS } from '../ids';
import { ECDHE_CBC_SUITES } from './commands';
import {
  allCommandBlocks,
  allOutcomes,
  getOutcome,
  OTHER_OUTCOMES,
  outcomeSteps,
  SCENARIO_BY_ID,
  SCENARIOS,
} from './index';
import type { Reference } from './types';

const LIVE_NUMBERS: Record<string, number> = {
  'tls-protocol-mismatch': 1,
  'cipher-suite-mismatch': 2,
  'tls-dhe-ciphers': 3,
  'weak-certificate-hash': 4,
  'dhe-leading-zero': 5,
  'tcp-listener-overload': 6,
};
const kbs = (references: Reference[]) => references.map((r) => r.kb).filter(Boolean);

describe('scenarios', () => {
  it('are the six stable ids, numbered as in the live article', () => {
    expect(SCENARIOS.map((s) => s.id)).toEqual([...SCENARIO_IDS]);
    for (const scenario of SCENARIOS)
      expect(scenario.articleNumber, scenario.id).toBe(LIVE_NUMBERS[scenario.id]);
  });

  it.each(SCENARIOS.map((s) => [s.id]))('%s is complete', (id) => {
    const scenario = SCENARIO_BY_ID[id as keyof typeof SCENARIO_BY_ID];
    expect(scenario.summary.length).toBeGreaterThan(40);
    expect(scenario.affects.length).toBeGreaterThan(40);
    for (const list of [scenario.symptoms, scenario.pointsTo, scenario.pointsAway, scenario.keywords]) {
      expect(list.length).toBeGreaterThan(1);
    }
    for (const steps of [scenario.confirm, scenario.fix, scenario.verify, scenario.undo])
      expect(steps.length).toBeGreaterThan(0);
    expect(scenario.confirm.every((s) => s.kind === 'check' || s.kind === 'info')).toBe(true);
    expect(scenario.verify.every((s) => s.kind === 'verify')).toBe(true);
    expect(scenario.undo.every((s) => s.kind === 'undo')).toBe(true);
    expect(scenario.restarts.length).toBeGreaterThan(5);
    expect(scenario.references.some((r) => r.url?.endsWith('/tls-exist-connection-closed'))).toBe(true);
    const stepIds = outcomeSteps(scenario).map((s) => s.id);
    expect(new Set(stepIds).size).toBe(stepIds.length);
  });

  it('only read in confirm and verify steps, and warn before every change', () => {
    for (const outcome of allOutcomes) {
      for (const step of outcomeSteps(outcome)) {
        const changes = (step.commands ?? []).some((command) => command.changesSystem);
        if (step.kind === 'check' || step.kind === 'verify')
          expect(changes, `${outcome.id}/${step.id}`).toBe(false);
        if (changes && outcome.type === 'scenario')
          expect(step.warning, `${outcome.id}/${step.id}`).toBeTruthy();
        if (step.kind === 'restart') expect(step.warning).toBeTruthy();
      }
    }
  });

  it('cite the KB articles the fixes rely on', () => {
    expect(kbs(SCENARIO_BY_ID['tls-protocol-mismatch'].references)).toContain('KB3135244');
    expect(kbs(SCENARIO_BY_ID['tls-dhe-ciphers'].references)).toContain('KB4557473');
    expect(kbs(SCENARIO_BY_ID['dhe-leading-zero'].references)).toEqual(
      expect.arrayContaining(['KB4557473', 'KB4537806', 'KB4540670']),
    );
  });

  it('can be found by the event ids and error fragments people search for', () => {
    const search = (word: string) =>
      allOutcomes
        .filter((o) => o.keywords.some((k) => k.toLowerCase() === word.toLowerCase()))
        .map((o) => o.id);
    expect(search('36874')).toContain('cipher-suite-mismatch');
    expect(search('36871')).toContain('tls-protocol-mismatch');
    expect(search('36888')).toEqual(
      expect.arrayContaining(['tls-dhe-ciphers', 'dhe-leading-zero', 'weak-certificate-hash']),
    );
    expect(search('was successfully loaded for encryption')).toContain('weak-certificate-hash');
    expect(search('KB3135244')).toContain('tls-protocol-mismatch');
  });
});

describe('other outcomes', () => {
  it('have one other-error page per OtherErrorId', () => {
    for (const id of OTHER_ERROR_IDS) expect(getOutcome(id)?.type, id).toBe('other-error');
  });

  it("include the article's related situations and an escalation", () => {
    const related = OTHER_OUTCOMES.filter((o) => o.type === 'related').map((o) => o.id);
    expect(related).toEqual(
      expect.arrayContaining([
        'linked-server',
        'ag-node-added',
        'agent-ssis',
        'endpoint-5022',
        'after-sql-upgrade',
        'after-windows-update',
        'cipher-suite-policies',
        'intermittent-sqlcmd',
      ]),
    );
    expect(OTHER_OUTCOMES.filter((o) => o.type === 'escalate')).toHaveLength(1);
  });

  it('name the four ECDHE CBC suites for TLS 1.0 clients on the cipher-policy page', () => {
    const page = getOutcome('cipher-suite-policies');
    const text = JSON.stringify(page);
    for (const suite of ECDHE_CBC_SUITES) expect(text).toContain(suite);
  });

  it.each(OTHER_OUTCOMES.map((o) => [o.id]))('%s says what it is and where to go', (id) => {
    const outcome = getOutcome(id)!;
    expect(outcome.type).not.toBe('scenario');
    if (outcome.type === 'scenario') return;
    expect(outcome.summary.length).toBeGreaterThan(30);
    expect(outcome.symptoms.length).toBeGreaterThan(0);
    expect(outcome.steps.length).toBeGreaterThan(0);
    expect(outcome.whereToGo.length).toBeGreaterThan(0);
    expect(outcome.keywords.length).toBeGreaterThan(0);
    const stepIds = outcome.steps.map((s) => s.id);
    expect(new Set(stepIds).size).toBe(stepIds.length);
  });
});

describe('all outcomes', () => {
  it('have unique ids', () => {
    expect(new Set(allOutcomes.map((o) => o.id)).size).toBe(allOutcomes.length);
  });

  it('link only to Microsoft and GitHub pages over https', () => {
    for (const outcome of allOutcomes) {
      const references = outcome.type === 'scenario' ? outcome.references : outcome.whereToGo;
      for (const reference of references) {
        if (reference.url) {
          expect(reference.url, outcome.id).toMatch(
            /^https:\/\/(learn\.microsoft\.com|support\.microsoft\.com|techcommunity\.microsoft\.com|github\.com)\//,
          );
        }
        if (reference.kb) expect(reference.kb).toMatch(/^KB\d{6,7}$/);
      }
    }
  });

  it('use only registered commands, each id once', () => {
    const blocks = allCommandBlocks();
    const byId = new Map(blocks.map((b) => [b.id, b]));
    for (const outcome of allOutcomes) {
      for (const step of outcomeSteps(outcome)) {
        for (const command of step.commands ?? []) expect(byId.get(command.id)).toBe(command);
      }
    }
  });

  it('pair every fix command with an undo or a read-only follow-up', () => {
    const fixes = allCommandBlocks().filter((b) => b.id.startsWith('fix-'));
    const ids = new Set(allCommandBlocks().map((b) => b.id));
    const undoFor: Record<string, string> = {
      'fix-enable-protocol': 'undo-protocol-from-backup',
      'fix-enable-legacy-protocol': 'undo-protocol-to-default',
      'fix-disable-protocol': 'undo-protocol-to-default',
      'fix-disable-dhe-suites': 'undo-enable-dhe-suites',
      'fix-enable-cipher-suite': 'undo-disable-cipher-suite',
      'fix-enable-ecdhe-cbc-suites': 'undo-ecdhe-cbc-suites',
      'fix-clear-sql-certificate': 'undo-set-sql-certificate',
      'fix-openssl-legacy-config': 'undo-openssl-config',
      'fix-openssl-use-config': 'undo-openssl-config',
    };
    for (const fix of fixes) {
      if (fix.id.startsWith('fix-jdbc-')) {
        expect(fix.readResult ?? fix.requires ?? '').toMatch(/remove|undo/i);
        continue;
      }
      expect(undoFor[fix.id], fix.id).toBeDefined();
      expect(ids.has(undoFor[fix.id]!)).toBe(true);
    }
  });
});

describe('questions', () => {
  it('only suggest read-only commands to find things out', async () => {
    const { flow } = await import('./index');
    for (const question of flow.questions) {
      for (const command of question.howToFind?.commands ?? [])
        expect(command.changesSystem, `${question.id}/${command.id}`).toBe(false);
    }
  });
});

describe('non-PowerShell blocks', () => {
  it('have no prompts and well-formed ini lines', () => {
    for (const block of allCommandBlocks().filter((b) => b.language !== 'powershell')) {
      expect(block.code, block.id).not.toMatch(/^\s*(\$|#\s*>|>|[A-Za-z]:\\>)\s/m);
      if (block.language === 'ini') {
        for (const line of block.code.split('\n')) {
          expect(line, `${block.id}: ${line}`).toMatch(/^$|^\[[a-z_]+\]$|^[A-Za-z_.]+ ?= ?\S/);
        }
      }
    }
  });
});
