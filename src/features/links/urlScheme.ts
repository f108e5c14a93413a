import { matchPath } from 'react-router';
import { paths } from '@/config/paths';

/**
 * The app's public URL scheme, as knowledge-base pages link to it. Everything after `#` is the route:
 *
 *   #/                                   start page
 *   #/wizard                             the wizard, resumed where saved answers lead
 *   #/wizard/<questionId>                one question of the wizard
 *   #/wizard[/<questionId>]?answers=<questionId>:<answerId>,...   the same, with answers filled in first
 *   #/paste                              paste page;  ?sample=<sampleId> loads an example,
 *                                        ?share=<token> opens a share link (made by the app)
 *   #/scenarios                          every outcome;  #/scenario/<outcomeId> one of them
 *   #/simulator                          the handshake simulator;  ?preset=<id>, ?s=<token>
 *   #/links                              this link builder
 *
 * `embed=1` asks for the embeddable view (no header and footer). Its canonical place is before the `#`
 * (`…/10054/?embed=1#/scenario/tls-dhe-ciphers`), where it survives every navigation inside the frame;
 * in the route's query (`#/scenario/tls-dhe-ciphers?embed=1`) it is accepted and moved there.
 *
 * This module is small on purpose: it runs on every page load, before the knowledge base is loaded (the
 * alias tables live in the knowledge chunk and are passed in once loaded, only for pages with an id).
 * Unknown ids are left to the pages ("Scenario not found").
 */

export const EMBED_PARAM = 'embed';
export const ANSWERS_PARAM = 'answers';

export type RouteName =
  'home' | 'wizard' | 'wizardStep' | 'paste' | 'scenarios' | 'scenario' | 'links' | 'simulator';

/** The query parameters each page understands (besides `embed`). Anything else is reported and dropped. */
export const ROUTE_PARAMS: Readonly<Record<RouteName, readonly string[]>> = {
  home: [],
  wizard: [ANSWERS_PARAM],
  wizardStep: [ANSWERS_PARAM],
  paste: ['sample', 'share'],
  scenarios: [],
  scenario: [],
  links: [],
  simulator: ['preset', 's'],
};

const ROUTE_PATTERNS: readonly [RouteName, string][] = [
  ['home', paths.home.pattern],
  ['wizard', paths.wizard.pattern],
  ['wizardStep', paths.wizardStep.pattern],
  ['paste', paths.paste.pattern],
  ['scenarios', paths.scenarios.pattern],
  ['scenario', paths.scenario.pattern],
  ['links', paths.links.pattern],
  ['simulator', paths.simulator.pattern],
];

export interface LinkNotice {
  /** stable within one arrival, so the same notice is never shown twice */
  id: string;
  severity: 'info' | 'warning';
  title: string;
  items: string[];
}

export interface LinkCheck {
  route?: RouteName;
  /** the route (pathname + search) the app should be at; differs from the input when a redirect is due */
  canonical: string;
  notices: LinkNotice[];
  /** the raw `answers` value to apply before showing the wizard */
  answers?: string;
  /** `embed` given in the route's query: true/false, to be moved before the `#` */
  embed?: boolean;
  /** the route names an id, and the alias tables are needed to check it: load them and check again */
  needsAliases?: boolean;
}

/** The alias lookups of src/engine/knowledge/aliases.ts. */
export interface AliasResolvers {
  outcome: (id: string) => string;
  question: (id: string) => string;
}

export function matchRoute(pathname: string): { route: RouteName; id?: string } | undefined {
  for (const [route, pattern] of ROUTE_PATTERNS) {
    const match = matchPath(pattern, pathname);
    if (match) {
      const id = match.params.stepId ?? match.params.scenarioId;
      return id === undefined ? { route } : { route, id };
    }
  }
  return undefined;
}

/** Shortens what a visitor typed before it is shown back to them. */
export const quoteValue = (text: string, max = 60) =>
  `“${text.length > max ? `${text.slice(0, max)}…` : text}”`;

/** Reads `embed` values: "1" on, "0" off; anything else is not understood. */
export const readEmbedValue = (value: string | null): boolean | undefined =>
  value === '1' ? true : value === '0' ? false : undefined;

/**
 * Checks a route (the part after `#`) against the scheme. Never throws; whatever it does not understand
 * is named in a notice and left out of the canonical route.
 */
export function checkLocation(pathname: string, search: string, aliases?: AliasResolvers): LinkCheck {
  const matched = matchRoute(pathname);
  const notices: LinkNotice[] = [];
  const params = new URLSearchParams(search);
  let embed: boolean | undefined;
  const ignored: string[] = [];
  const embedValues = params.getAll(EMBED_PARAM);
  if (embedValues.length > 0) {
    embed = readEmbedValue(embedValues[0] ?? null);
    if (embed === undefined) {
      ignored.push(`${quoteValue(`embed=${embedValues[0]}`)}: use embed=1 for the embeddable view.`);
    }
    params.delete(EMBED_PARAM);
  }
  if (!matched) {
    // Not a page of the app: the not-found page says so. Only `embed` is taken out of the query.
    const rest = params.toString();
    return {
      canonical: pathname + (rest ? `?${rest}` : ''),
      notices: [],
      ...(embed === undefined ? {} : { embed }),
    };
  }

  let canonicalPath = pathname;
  if (matched.id !== undefined && (matched.route === 'scenario' || matched.route === 'wizardStep')) {
    if (!aliases)
      return { route: matched.route, canonical: pathname + search, notices: [], needsAliases: true };
    const current = matched.route === 'scenario' ? aliases.outcome(matched.id) : aliases.question(matched.id);
    if (current !== matched.id) {
      canonicalPath =
        matched.route === 'scenario' ? paths.scenario.href(current) : paths.wizardStep.href(current);
      notices.push({
        id: `renamed:${matched.id}`,
        severity: 'info',
        title: 'This link uses an old name',
        items: [
          `${matched.route === 'scenario' ? 'The page' : 'The question'} ${quoteValue(matched.id)} is now ${quoteValue(current)}. The link still works; the page that links here can be updated to the new address.`,
        ],
      });
    }
  }

  const allowed = new Set(ROUTE_PARAMS[matched.route]);
  const kept = new URLSearchParams();
  const seen = new Set<string>();
  let answers: string | undefined;
  let changed = embedValues.length > 0;
  for (const [name, rawValue] of params) {
    // Preset ids never hold spaces; a hand-typed `preset=<server>+<client>` arrives with its "+" read as a
    // space (form encoding), so it is put back.
    const value = matched.route === 'simulator' && name === 'preset' ? rawValue.replace(/ /g, '+') : rawValue;
    if (value !== rawValue) changed = true;
    if (!allowed.has(name)) {
      ignored.push(
        `${quoteValue(value === '' ? name : `${name}=${value}`)}: this page has no setting called ${quoteValue(name, 30)}.`,
      );
    } else if (seen.has(name)) {
      ignored.push(`${quoteValue(`${name}=${value}`)}: ${quoteValue(name, 30)} was given more than once.`);
    } else {
      seen.add(name);
      if (name === ANSWERS_PARAM) answers = value;
      else kept.append(name, value);
    }
  }
  if (ignored.length > 0) {
    notices.push({
      id: `ignored:${pathname}?${search}`,
      severity: 'warning',
      title: 'Parts of this link were not understood and were ignored',
      items: ignored,
    });
  }
  // The address is rewritten only when something was taken out or repaired; otherwise its own spelling of
  // the values (`$` in share tokens, say) is kept as it is.
  const rest = kept.toString();
  const query = changed || ignored.length > 0 || answers !== undefined ? (rest ? `?${rest}` : '') : search;
  return {
    route: matched.route,
    canonical: canonicalPath + query,
    notices,
    ...(answers === undefined ? {} : { answers }),
    ...(embed === undefined ? {} : { embed }),
  };
}

/** True when the check asks the app to change the address or its state before showing the page. */
export const needsRedirect = (check: LinkCheck, pathname: string, search: string) =>
  !check.needsAliases &&
  (check.canonical !== pathname + search || check.answers !== undefined || check.embed !== undefined);

/** What a link can open. Ids are not checked here (the builder offers only existing ones). */
export type LinkTarget =
  | { kind: 'home' }
  | { kind: 'scenarios' }
  | { kind: 'scenario'; id: string }
  | { kind: 'wizard'; stepId?: string; answers?: readonly (readonly [string, string])[] }
  | { kind: 'paste'; sample?: string }
  | { kind: 'simulator'; preset?: string }
  | { kind: 'links' };

/** `questionId:answerId,...`; ids are kebab-case, so `:` and `,` are safe separators and need no escaping. */
export const formatAnswers = (answers: readonly (readonly [string, string])[]) =>
  answers.map(([q, a]) => `${encodeURIComponent(q)}:${encodeURIComponent(a)}`).join(',');

/** The route (the part after `#`) for a target. */
export function routeFor(target: LinkTarget): string {
  switch (target.kind) {
    case 'home':
      return paths.home.href();
    case 'scenarios':
      return paths.scenarios.href();
    case 'scenario':
      return paths.scenario.href(target.id);
    case 'wizard': {
      const path = target.stepId ? paths.wizardStep.href(target.stepId) : paths.wizard.href();
      return target.answers && target.answers.length > 0
        ? `${path}?${ANSWERS_PARAM}=${formatAnswers(target.answers)}`
        : path;
    }
    case 'paste':
      return target.sample
        ? `${paths.paste.href()}?sample=${encodeURIComponent(target.sample)}`
        : paths.paste.href();
    case 'simulator':
      return target.preset
        ? `${paths.simulator.href()}?preset=${encodeURIComponent(target.preset)}`
        : paths.simulator.href();
    case 'links':
      return paths.links.href();
  }
}

/** The address of the app's page (no query, no fragment): links are built on it, so any sub-path works. */
export const appBase = (location: { origin: string; pathname: string }) =>
  location.origin + location.pathname;

/** A full link: `<base>[?embed=1]#<route>`. */
export const appUrl = (base: string, route: string, embed: boolean) =>
  `${base}${embed ? `?${EMBED_PARAM}=1` : ''}#${route}`;
