import { describe, expect, it } from 'vitest';
import { matchPath } from 'react-router';
import { paths } from './paths';

describe('route table', () => {
  it('every href builder produces a path its own pattern matches', () => {
    expect(matchPath(paths.home.pattern, paths.home.href())).not.toBeNull();
    expect(matchPath(paths.wizard.pattern, paths.wizard.href())).not.toBeNull();
    expect(matchPath(paths.paste.pattern, paths.paste.href())).not.toBeNull();
    expect(matchPath(paths.scenarios.pattern, paths.scenarios.href())).not.toBeNull();
    expect(matchPath(paths.wizardStep.pattern, paths.wizardStep.href('q-error'))?.params.stepId).toBe(
      'q-error',
    );
    expect(
      matchPath(paths.scenario.pattern, paths.scenario.href('tls-protocol-mismatch'))?.params.scenarioId,
    ).toBe('tls-protocol-mismatch');
  });

  it('ids with characters that would break a URL are encoded, not injected', () => {
    const href = paths.scenario.href('a/b?c#d');
    expect(href).toBe('/scenario/a%2Fb%3Fc%23d');
    const matched = matchPath(paths.scenario.pattern, href)?.params.scenarioId ?? '';
    expect(decodeURIComponent(matched)).toBe('a/b?c#d');
  });
});
