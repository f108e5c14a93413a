import { useState, type ReactNode } from 'react';
import Button from '@mui/material/Button';

export interface ShowMoreOptions {
  /** how many items show at first */
  limit: number;
  /** what the items are, singular and plural: ['quote', 'quotes'] */
  noun: readonly [string, string];
  /** how many more each press of the button shows (default 200) */
  step?: number;
  /** id of the element the list belongs to (a reason's text, say): tells apart buttons of the same name */
  describedBy?: string;
}

/**
 * The first `limit` items of a long list, and a button that shows `step` more at a time. A long paste can
 * give thousands of pieces of evidence, problems or parts: rendering them all at once froze the page, and
 * nobody reads past the first screenful before asking for more. Once everything shows, the button offers to
 * show fewer again, so it stays where keyboard focus is (a button that vanished would drop focus to the
 * page). A different list (another paste, a new verdict) starts again at `limit`.
 */
export function useShowMore<T>(
  items: readonly T[],
  { limit, noun: [one, many], step = 200, describedBy }: ShowMoreOptions,
): { shown: readonly T[]; more: ReactNode } {
  const [state, setState] = useState({ items, count: limit });
  // a new list: forget how far the previous one was opened (set during render, React's documented pattern
  // for state that derives from a prop)
  if (state.items !== items) setState({ items, count: limit });
  const count = state.items === items ? state.count : limit;
  if (items.length <= limit) return { shown: items, more: null };
  const hidden = Math.max(0, items.length - count);
  const fmt = (n: number) => n.toLocaleString('en-US');
  const noun = (n: number) => (n === 1 ? one : many);
  const label =
    hidden === 0
      ? limit === 0
        ? `Hide the other ${noun(items.length)}`
        : `Show fewer ${many} (the first ${fmt(limit)})`
      : hidden <= step
        ? `Show the other ${hidden === 1 ? one : `${fmt(hidden)} ${many}`}`
        : count === 0
          ? `Show ${fmt(step)} of the ${fmt(hidden)} other ${many}`
          : `Show ${fmt(step)} more ${many} (${fmt(hidden)} not shown)`;
  const more = (
    <Button
      size="small"
      aria-describedby={describedBy}
      // with nothing shown at first (limit 0) the button opens and closes a list: say which it is now
      aria-expanded={limit === 0 ? count > 0 : undefined}
      onClick={() => setState((s) => ({ items: s.items, count: hidden === 0 ? limit : s.count + step }))}
      sx={{ alignSelf: 'flex-start', justifySelf: 'start' }}
    >
      {label}
    </Button>
  );
  return { shown: hidden === 0 ? items : items.slice(0, count), more };
}
