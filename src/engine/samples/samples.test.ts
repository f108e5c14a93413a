import { describe, expect, it } from 'vitest';
import { OTHER_ERROR_IDS, SCENARIO_IDS } from '../ids';
import { analyzeText } from '../parsers/index';
import { diagnose, inputFromAnalysis } from '../diagnosis/index';
import { FLOW } from '../knowledge/flow';
import { getSample, SAMPLES, type Sample } from './samples';

async function run(sample: Sample) {
  const inputs = [];
  for (const input of sample.inputs)
    inputs.push(inputFromAnalysis(input.source, await analyzeText(input.text)));
  return diagnose(inputs, sample.answers ?? {});
}

describe('samples: every one reaches its expected verdict', () => {
  for (const sample of SAMPLES) {
    it(`${sample.id}: ${sample.expect.family}${sample.expect.otherError ? ' / ' + sample.expect.otherError : ''}${sample.expect.topScenario ? ' / ' + sample.expect.topScenario : ''}`, async () => {
      const d = await run(sample);
      expect(d.family).toBe(sample.expect.family);
      expect(d.otherError).toBe(sample.expect.otherError);
      if (sample.expect.topScenario) {
        const [first, second] = d.ranked;
        expect(first?.scenario).toBe(sample.expect.topScenario);
        expect(first!.score).toBeGreaterThan(0);
        // a clear winner, not a tie decided by list order
        expect(first!.score).toBeGreaterThan(second!.score);
        expect(first!.confidence).not.toBe('low');
      }
    });
  }
});

describe('samples: the set', () => {
  it('covers every scenario, every look-alike and an unrecognised paste', () => {
    for (const id of SCENARIO_IDS)
      expect(
        SAMPLES.some((s) => s.expect.topScenario === id),
        `scenario ${id}`,
      ).toBe(true);
    for (const id of OTHER_ERROR_IDS)
      expect(
        SAMPLES.some((s) => s.expect.otherError === id),
        `other error ${id}`,
      ).toBe(true);
    expect(SAMPLES.some((s) => s.expect.family === 'unrecognized')).toBe(true);
  });

  it('has a Windows and a Linux OpenSSL protocol-mismatch sample', async () => {
    const platforms = new Set<string>();
    for (const s of SAMPLES.filter((x) => x.expect.topScenario === 'tls-protocol-mismatch')) {
      const d = await run(s);
      if (d.signals.clientPlatform) platforms.add(d.signals.clientPlatform.value);
    }
    expect([...platforms].sort()).toEqual(['linux-macos', 'windows']);
  });

  it('uses unique, stable kebab-case ids and plain texts', () => {
    const ids = SAMPLES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of SAMPLES) {
      expect(s.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(s.title.length).toBeGreaterThan(0);
      expect(s.description).toMatch(/^[^\n]+\.$/);
      expect(s.inputs.length).toBeGreaterThan(0);
      for (const i of s.inputs) {
        expect(i.source.trim()).not.toBe('');
        expect(i.text.trim()).not.toBe('');
      }
    }
  });

  it('gives wizard answers only with question and answer ids of the flow', () => {
    for (const s of SAMPLES)
      for (const [q, a] of Object.entries(s.answers ?? {})) {
        const question = FLOW.questions.find((x) => x.id === q);
        expect(question, `${s.id}: question ${q}`).toBeDefined();
        expect(
          question!.answers.some((x) => x.id === a),
          `${s.id}: answer ${a}`,
        ).toBe(true);
      }
  });

  it('getSample finds a sample by id and nothing for an unknown id', () => {
    expect(getSample('sha512-certificate-sql2019')?.expect.topScenario).toBe('weak-certificate-hash');
    expect(getSample('no-such-sample')).toBeUndefined();
  });

  it('the weak-certificate sample pastes the certificate whose thumbprint the ERRORLOG names', async () => {
    const d = await run(getSample('sha512-certificate-sql2019')!);
    expect(d.signals.certInUse?.value.matchedErrorlog).toBe(true);
    expect(d.signals.certInUse?.value.signatureHash).toBe('sha512');
  });
});

describe('samples: the evidence quoted for the top scenario', () => {
  for (const sample of SAMPLES) {
    it(`${sample.id}: every reason for the top scenario quotes characters of the paste that support it`, async () => {
      const d = await run(sample);
      for (const reason of d.ranked[0]!.for) {
        const quoted: string[] = [];
        for (const e of reason.evidence) {
          if (e.from !== 'paste' || !e.evidence) continue;
          const text = sample.inputs[e.input]!.text;
          // the exact characters of that paste, and not blank
          expect(e.evidence.text.trim(), `${sample.id}: ${reason.text}`).not.toBe('');
          expect(text.slice(e.evidence.start, e.evidence.end), `${sample.id}: ${reason.text}`).toBe(
            e.evidence.text,
          );
          quoted.push(e.evidence.text);
        }
        // a reason about TLS_DHE suites quotes a DHE suite from a cipher list
        if (/TLS_DHE/.test(reason.text) && reason.evidence.some((e) => e.kind === 'cipher-suites'))
          for (const e of reason.evidence.filter((x) => x.kind === 'cipher-suites'))
            expect(e.evidence?.text, `${sample.id}: ${reason.text}`).toMatch(/DHE/);
        // a reason about an ERRORLOG error number quotes that error's lines, not another error's
        const errorNo = /^ERRORLOG (\d{5})/.exec(reason.text)?.[1];
        if (errorNo) {
          expect(quoted.length, `${sample.id}: ${reason.text}`).toBeGreaterThan(0);
          for (const q of quoted.filter((x) => /Error: \d{5}/.test(x)))
            expect(q, `${sample.id}: ${reason.text}`).toContain(`Error: ${errorNo}`);
        }
      }
    });
  }
});
