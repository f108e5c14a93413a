/** Hand-made parser results for tests (shapes as the parsers produce them). */
import type { ArtifactKind, Evidence, ParseResult } from '../model';
import type { DiagnosisInput, Side } from './types';

export function artifact(
  kind: ArtifactKind,
  facts: object,
  evidence: Array<Partial<Evidence> & { fact: string }> = [],
): ParseResult<ArtifactKind, object> {
  return {
    kind,
    facts,
    evidence: evidence.map((e, i) => ({
      start: i * 10,
      end: i * 10 + 5,
      text: e.text ?? `ev${i}`,
      meaning: e.meaning ?? '',
      fact: e.fact,
    })),
    problems: [],
  };
}

export function input(
  source: string,
  artifacts: Array<ParseResult<ArtifactKind, object>>,
  side?: Side,
): DiagnosisInput {
  return { source, artifacts, ...(side ? { side } : {}) };
}

export const resetError = (extra: object = {}) =>
  artifact(
    'client-error',
    { family: 'handshake-reset', phase: 'login', osError: 10054, driver: 'SqlClient', ...extra },
    [{ fact: 'family', text: 'forcibly closed' }],
  );

const st = (server: string, client: string) => ({ server, client });
export const protocols = (map: Record<string, [string, string]>) =>
  artifact(
    'schannel-protocols',
    {
      protocols: Object.fromEntries(
        ['SSL 2.0', 'SSL 3.0', 'TLS 1.0', 'TLS 1.1', 'TLS 1.2', 'TLS 1.3'].map((p) => [
          p,
          map[p] ? st(map[p]![0], map[p]![1]) : st('default', 'default'),
        ]),
      ),
    },
    [{ fact: 'protocols.TLS 1.2.server', text: 'TLS 1.2\\Server' }],
  );

export const sqlVersion = (build: string, extra: object = {}) =>
  artifact('sql-version', { build, ...extra }, [{ fact: 'build', text: build }]);
export const osVersion = (build: string, product: string) =>
  artifact('os-version', { build, product }, [{ fact: 'build', text: build }]);
export const suites = (list: string[]) =>
  artifact('cipher-suites', { suites: list, hasDhe: list.some((s) => s.startsWith('TLS_DHE')) }, [
    { fact: 'suites', text: list[0] ?? '' },
  ]);
export const certificate = (facts: object) =>
  artifact('certificate', facts, [{ fact: 'signatureAlgorithm', text: 'sig' }]);
export const errorlog = (facts: object) =>
  artifact('errorlog', facts, [{ fact: 'certificateThumbprint', text: 'Cert Hash' }]);
export const schannelEvent = (eventId: number, alert: number | null = null, state: number | null = null) =>
  artifact('schannel-event', { eventId, alert, state }, [{ fact: 'eventId', text: String(eventId) }]);
