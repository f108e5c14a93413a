/**
 * Every route of the app, in one typed place. The app uses hash routing (`#/wizard/...`) so that dist/
 * works from any sub-path of a plain static server with no rewrite rules, and deep links survive.
 * Build links with these helpers, never with string literals.
 */
export const paths = {
  home: { pattern: '/', href: () => '/' },
  wizard: { pattern: '/wizard', href: () => '/wizard' },
  wizardStep: {
    pattern: '/wizard/:stepId',
    href: (stepId: string) => `/wizard/${encodeURIComponent(stepId)}`,
  },
  paste: { pattern: '/paste', href: () => '/paste' },
  scenarios: { pattern: '/scenarios', href: () => '/scenarios' },
  scenario: {
    pattern: '/scenario/:scenarioId',
    href: (scenarioId: string) => `/scenario/${encodeURIComponent(scenarioId)}`,
  },
  /** The link builder for KB authors (the URL scheme itself: src/features/links/urlScheme.ts). */
  links: { pattern: '/links', href: () => '/links' },
  /** The handshake simulator (#/simulator?preset=<id> or ?s=<shared setup>). */
  simulator: { pattern: '/simulator', href: () => '/simulator' },
} as const;

export type PathName = keyof typeof paths;
