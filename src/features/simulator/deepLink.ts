import { SCENARIO_PRESETS, decodeSimState, resolvePreset } from '@/engine/simulator';
import type { SimPair } from '@/engine/simulator/types';
import type { MatrixSelection, Notice } from './simulatorStore';

export interface DeepLink {
  /** the pair to load; null = keep the current setup */
  pair: SimPair | null;
  /** the scenario preset the link named, so the preset list can show it as chosen */
  scenarioPresetId?: string | null;
  matrix: MatrixSelection | null;
  notice: Notice;
}

const shown = (value: string) => (value.length > 60 ? `${value.slice(0, 60)}…` : value);

/** A preset id from a link: a scenario preset, "<server>+<client>", or a scenario id (its first preset). */
export function presetFromId(
  id: string,
): { pair: SimPair; label: string; scenarioPresetId: string | null } | null {
  const byId = SCENARIO_PRESETS.find((p) => p.id === id);
  const byScenario = byId ?? SCENARIO_PRESETS.find((p) => p.expected === id);
  const pair = resolvePreset(byScenario?.id ?? id);
  if (!pair) return null;
  return { pair, label: byScenario?.label ?? id, scenarioPresetId: byScenario?.id ?? null };
}

/**
 * Reads `#/simulator?preset=<id>` and `#/simulator?s=<token>` (other parameters are reported and dropped
 * by the app's link gate before the page sees them). Returns null when the link has neither. A bad value
 * never throws: it becomes a notice and the current setup is kept.
 */
export function readDeepLink(params: URLSearchParams): DeepLink | null {
  const token = params.get('s');
  const presetId = params.get('preset');

  if (token !== null) {
    const decoded = (() => {
      try {
        return decodeSimState(token);
      } catch {
        return { state: null, problems: ['it could not be read'] };
      }
    })();
    if (!decoded.state) {
      return {
        pair: null,
        matrix: null,
        notice: {
          severity: 'error',
          text: `This setup link could not be opened${decoded.problems[0] ? `: ${decoded.problems[0]}` : '.'} Your current setup was kept.`,
          details: decoded.problems.slice(1, 6),
        },
      };
    }
    const { server, client, matrix } = decoded.state;
    return {
      pair: { server, client },
      matrix: matrix ?? null,
      notice:
        decoded.problems.length > 0
          ? {
              severity: 'warning',
              text: 'Opened the shared setup, but some values in the link were not valid and were replaced by defaults:',
              details: decoded.problems.slice(0, 8),
            }
          : { severity: 'success', text: 'Opened the shared setup.' },
    };
  }

  if (presetId !== null) {
    const found = presetFromId(presetId);
    if (!found) {
      return {
        pair: null,
        matrix: null,
        notice: {
          severity: 'error',
          text: `There is no preset called “${shown(presetId)}”; the link may be mistyped or from an older version. Your current setup was kept.`,
        },
      };
    }
    return {
      pair: found.pair,
      scenarioPresetId: found.scenarioPresetId,
      matrix: null,
      notice: { severity: 'success', text: `Loaded the preset “${found.label}”.` },
    };
  }

  return null;
}
