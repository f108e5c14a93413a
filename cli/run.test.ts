import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport, toJson, toText } from './run';

const FIXTURES = 'src/engine/parsers/__fixtures__/errorlog';
/** ERRORLOGs with their version banners, one after another: a banner and its log lines are two parts each */
const logs = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.log') || f.endsWith('.txt'))
  .map((f) => readFileSync(join(FIXTURES, f), 'utf8'))
  .join('\n\n');

describe('the readable report of a long paste', () => {
  it('lists the first 20 parts under a count by kind and says how many more --json has', async () => {
    const text = Array.from({ length: 8 }, () => logs).join('\n\n');
    const report = await buildReport([{ source: 'many.log', bytes: new TextEncoder().encode(text) }], null);
    const total = report.inputs[0]!.parts.length;
    expect(total).toBeGreaterThan(30);
    const out = toText(report);
    const inputs = out.slice(0, out.indexOf('VERDICT'));
    expect(inputs).toMatch(
      new RegExp(`${total} parts \\(ERRORLOG excerpts: \\d+; SQL Server versions: \\d+\\); the first 20:`),
    );
    expect(inputs.match(/^ {4}- /gm)).toHaveLength(20);
    expect(inputs).toContain(`... and ${total - 20} more parts (--json lists every part`);
    // the JSON report keeps every part
    expect((toJson(report) as { inputs: { artifacts: unknown[] }[] }).inputs[0]!.artifacts).toHaveLength(
      total,
    );
  });

  it('lists every part, without a count, when there are 20 or fewer', async () => {
    const report = await buildReport([{ source: 'one.log', bytes: new TextEncoder().encode(logs) }], null);
    const parts = report.inputs[0]!.parts.length;
    expect(parts).toBeLessThanOrEqual(20);
    const out = toText(report);
    const inputs = out.slice(0, out.indexOf('VERDICT'));
    expect(inputs.match(/^ {4}- /gm)).toHaveLength(parts);
    expect(inputs).not.toMatch(/more parts|the first 20/);
  });

  it('says where else a repeated disagreement is, by line, and --json lists those places', async () => {
    const text = Array.from({ length: 8 }, () => logs).join('\n\n');
    const report = await buildReport([{ source: 'many.log', bytes: new TextEncoder().encode(text) }], null);
    const c = report.diagnosis.contradictions.find((x) => (x.elsewhere?.length ?? 0) > 5)!;
    expect(c.text).toContain(`The same disagreement is in ${c.elsewhere!.length} more places.`);
    const lines = c.elsewhere!.slice(0, 5).map((r) => text.slice(0, r.evidence!.start).split('\n').length);
    expect(toText(report)).toContain(
      `      also at lines ${lines.join(', ')} of many.log and ${c.elsewhere!.length - 5} more\n`,
    );
    const json = toJson(report) as {
      diagnosis: { contradictions: { text: string; elsewhere?: unknown[] }[] };
    };
    expect(json.diagnosis.contradictions.find((x) => x.text === c.text)!.elsewhere).toHaveLength(
      c.elsewhere!.length,
    );
  });
});
