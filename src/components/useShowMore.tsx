import { useState, type ReactNode } from 'react';
import Button from '@mui/material/Button';

/**
 * The first `limit` items of a long list, and a button that shows `step` more at a time. A long paste can
 * give thousands of pieces of evidence, problems or parts: rendering them all at once froze the page, and
 * nobody reads past the first screenful before asking for more.
 *
 * `noun` names the items in the button ("pieces of evidence"); the button says how many are not shown.
 */
export function useShowMore<T>(
  items: readonly T[],
  limit: number,
  noun: string,
  step = 200,
): { shown: readonly T[]; more: ReactNode } {
  const [count, setCount] = useState(limit);
  if (items.length <= count) return { shown: items, more: null };
  const hidden = items.length - count;
  const more = (
    <Button size="small" onClick={() => setCount(count + step)} sx={{ alignSelf: 'flex-start' }}>
      Show {Math.min(step, hidden).toLocaleString('en-US')} more {noun} ({hidden.toLocaleString('en-US')} not
      shown)
    </Button>
  );
  return { shown: items.slice(0, count), more };
}
