import { Fragment } from 'react';
import Box from '@mui/material/Box';
import type { Span } from '@/engine/model';

const MAX_SHOWN = 200_000;

/**
 * The pasted text with the evidence spans marked. Text nodes only: a paste is never interpreted as HTML.
 * Overlapping spans are merged; very long pastes show their first 200,000 characters.
 */
export function HighlightedText({ text, spans, label }: { text: string; spans: Span[]; label: string }) {
  const shown = text.length > MAX_SHOWN ? text.slice(0, MAX_SHOWN) : text;
  const merged: Span[] = [];
  for (const s of [...spans]
    .filter((s) => s.end > s.start && s.start < shown.length)
    .sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: Math.min(s.end, shown.length) });
  }
  const pieces: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const s of merged) {
    if (s.start > at) pieces.push({ text: shown.slice(at, s.start), marked: false });
    pieces.push({ text: shown.slice(s.start, s.end), marked: true });
    at = s.end;
  }
  if (at < shown.length) pieces.push({ text: shown.slice(at), marked: false });
  return (
    <>
      <Box
        component="pre"
        tabIndex={0}
        aria-label={label}
        sx={{
          m: 0,
          p: 1.5,
          maxHeight: 360,
          overflow: 'auto',
          fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
          fontSize: '0.8rem',
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-word',
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          '& mark': { bgcolor: 'warning.light', color: 'common.black', borderRadius: 0.5, px: 0.25 },
        }}
      >
        {pieces.map((p, i) =>
          p.marked ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>,
        )}
      </Box>
      {text.length > MAX_SHOWN && (
        <Box component="p" sx={{ fontSize: '0.8rem', color: 'text.secondary' }}>
          Showing the first {MAX_SHOWN.toLocaleString('en-US')} of {text.length.toLocaleString('en-US')}{' '}
          characters.
        </Box>
      )}
    </>
  );
}
