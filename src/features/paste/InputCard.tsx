import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import { useState, type ReactNode, type SyntheticEvent } from 'react';
import { useShowMore } from '@/components/useShowMore';
import type { AnalyzedPart, TextAnalysis } from '@/engine/parsers';
import type { PasteInput } from '@/store/pasteStore';
import { HighlightedText } from './HighlightedText';
import { describePart, KIND_LABELS } from './kinds';
import { partCounts } from '@/engine/report/partCounts';
import { lineNumberAt } from '@/engine/report/lineNumbers';

/** Evidence, problems and parts shown before a "Show more" button (a long paste has thousands). */
const EVIDENCE_SHOWN = 20;
const PROBLEMS_SHOWN = 5;
const PARTS_SHOWN = 20;

/**
 * A <details> whose content is rendered only once it is opened: the facts of every part and the highlighted
 * copy of the paste are large, and most of them are never opened.
 */
function LazyDetails({ summary, children, sx }: { summary: string; children: () => ReactNode; sx?: object }) {
  const [opened, setOpened] = useState(false);
  return (
    <Box
      component="details"
      onToggle={(e: SyntheticEvent<HTMLDetailsElement>) => {
        if (e.currentTarget.open) setOpened(true);
      }}
      sx={sx}
    >
      <summary>{summary}</summary>
      {opened && children()}
    </Box>
  );
}

function formatFact(value: unknown): string {
  if (value === null || value === undefined) return 'unknown';
  if (Array.isArray(value)) {
    const items = value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)));
    return items.length > 12
      ? `${items.slice(0, 12).join(', ')} … (${items.length} in all)`
      : items.join(', ') || 'none';
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function PartView({ input, part, index }: { input: PasteInput; part: AnalyzedPart; index: number }) {
  const { result } = part;
  const label = part.section
    ? `Collector section “${part.section}”${part.machine ? ` from ${part.machine}` : ''}${part.side && part.side !== 'unknown' ? ` (${part.side})` : ''}: ${part.kind === 'unknown' ? 'read by the collector itself' : describePart(part.kind, 'high').replace(/^This is /, '')}`
    : describePart(part.kind, part.confidence);
  const facts = Object.entries(result.facts as Record<string, unknown>);
  const evidence = useShowMore(result.evidence, {
    limit: EVIDENCE_SHOWN,
    noun: ['piece of evidence', 'pieces of evidence'],
  });
  const problems = useShowMore(result.problems, { limit: PROBLEMS_SHOWN, noun: ['problem', 'problems'] });
  return (
    <Box component="section" aria-label={`Part ${index + 1}: ${label}`} sx={{ mt: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h3" component="h3">
          {label}
        </Typography>
        <Chip size="small" label={`${part.confidence} confidence`} variant="outlined" />
        <Typography variant="caption" color="text.secondary">
          lines {lineNumberAt(input.text, part.start)}–
          {lineNumberAt(input.text, Math.max(part.start, part.end - 1))}
        </Typography>
      </Box>
      {result.evidence.length > 0 && (
        <>
          <Typography sx={{ fontWeight: 600, mt: 1 }}>What we found</Typography>
          <Box component="ul" sx={{ pl: 3, my: 0.5 }}>
            {evidence.shown.map((ev, i) => (
              <Typography component="li" key={i} variant="body2" sx={{ mb: 0.5 }}>
                {ev.meaning}{' '}
                <Box
                  component="q"
                  sx={{
                    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
                    fontSize: '0.8rem',
                    bgcolor: 'action.hover',
                    px: 0.5,
                    wordBreak: 'break-word',
                  }}
                >
                  {ev.text.length > 160 ? `${ev.text.slice(0, 160)}…` : ev.text}
                </Box>{' '}
                <Typography component="span" variant="caption" color="text.secondary">
                  (line {lineNumberAt(input.text, ev.start)})
                </Typography>
              </Typography>
            ))}
          </Box>
          {evidence.more}
        </>
      )}
      {result.problems.length > 0 && (
        <Box sx={{ display: 'grid', gap: 1, my: 1 }}>
          {problems.shown.map((p, i) => (
            <Alert key={i} severity={p.severity} variant="outlined">
              {p.start !== undefined && <strong>Line {lineNumberAt(input.text, p.start)}: </strong>}
              {p.message}
            </Alert>
          ))}
          {problems.more}
        </Box>
      )}
      {facts.length > 0 && (
        <LazyDetails
          summary={`All facts read (${facts.length})`}
          sx={{ mt: 1, '& > summary': { cursor: 'pointer' } }}
        >
          {() => (
            <Box
              component="dl"
              sx={{ display: 'grid', gridTemplateColumns: 'minmax(8rem, max-content) 1fr', gap: 0.5, m: 1 }}
            >
              {facts.map(([k, v]) => (
                <Box key={k} sx={{ display: 'contents' }}>
                  <Typography component="dt" variant="body2" sx={{ fontWeight: 600 }}>
                    {k}
                  </Typography>
                  <Typography component="dd" variant="body2" sx={{ m: 0, wordBreak: 'break-word' }}>
                    {formatFact(v)}
                  </Typography>
                </Box>
              ))}
            </Box>
          )}
        </LazyDetails>
      )}
    </Box>
  );
}

const NO_PARTS: AnalyzedPart[] = [];

/** One paste or file: what was detected in it, the evidence, the problems, and the text highlighted. */
export function InputCard({
  input,
  analysis,
  onRemove,
}: {
  input: PasteInput;
  analysis: TextAnalysis | undefined;
  onRemove: () => void;
}) {
  const known = analysis?.parts.filter((p) => p.kind !== 'unknown') ?? [];
  const parts = useShowMore(analysis?.parts ?? NO_PARTS, { limit: PARTS_SHOWN, noun: ['part', 'parts'] });
  return (
    <Paper variant="outlined" component="article" aria-label={input.source} sx={{ p: 2, mb: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h2" component="h2" sx={{ fontSize: '1.2rem', flexGrow: 1 }}>
          {input.source}
        </Typography>
        {analysis &&
          [...new Set(known.map((p) => p.kind))].map((k) => (
            <Chip key={k} size="small" color="primary" label={KIND_LABELS[k]} />
          ))}
        <Button
          size="small"
          color="inherit"
          startIcon={<DeleteOutlined />}
          onClick={onRemove}
          aria-label={`Remove ${input.source}`}
        >
          Remove
        </Button>
      </Box>
      {input.note && (
        <Typography variant="body2" color="text.secondary">
          {input.note}
        </Typography>
      )}
      {input.binary ? (
        <Alert severity="info" sx={{ mt: 1 }}>
          {input.binary.message}
        </Alert>
      ) : !analysis ? (
        <Typography sx={{ mt: 1 }}>Reading…</Typography>
      ) : (
        <>
          {known.length === 0 && (
            <Alert severity="warning" sx={{ mt: 1 }}>
              We could not recognise anything in this paste. It accepts: client error messages from any
              driver, ERRORLOG lines, Schannel events, SCHANNEL registry dumps (reg query, .reg, PowerShell),
              cipher-suite lists, certificates (PEM, certutil, PowerShell), SELECT @@VERSION output and
              Windows version output.
            </Alert>
          )}
          {analysis.parts.length > PARTS_SHOWN && (
            <Typography variant="body2" sx={{ mt: 1 }}>
              {analysis.parts.length.toLocaleString('en-US')} parts were found ({partCounts(analysis.parts)}).
            </Typography>
          )}
          {parts.shown.map((part, i) => (
            <PartView key={`${part.start}-${part.kind}`} input={input} part={part} index={i} />
          ))}
          {parts.more && <Box sx={{ mt: 1 }}>{parts.more}</Box>}
          <LazyDetails
            summary="Show the text with the evidence highlighted"
            sx={{ mt: 2, '& > summary': { cursor: 'pointer', fontWeight: 600 } }}
          >
            {() => (
              <Box sx={{ mt: 1 }}>
                <HighlightedText
                  text={input.text}
                  spans={analysis.parts.flatMap((p) => p.result.evidence)}
                  label={`${input.source} with evidence highlighted`}
                />
              </Box>
            )}
          </LazyDetails>
        </>
      )}
    </Paper>
  );
}
