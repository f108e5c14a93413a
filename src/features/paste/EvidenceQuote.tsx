import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { EvidenceRef } from '@/engine/diagnosis';
import { lineNumberAt } from '@/engine/report/lineNumbers';

const lineOf = (text: string | undefined, offset: number) => (text ? lineNumberAt(text, offset) : undefined);

/** One piece of evidence behind a verdict: what it shows, the quoted characters, and where they are. */
export function EvidenceQuote({ item, inputTexts }: { item: EvidenceRef; inputTexts: string[] }) {
  const quote = item.evidence?.text;
  const line = item.evidence ? lineOf(inputTexts[item.input], item.evidence.start) : undefined;
  return (
    <Typography component="li" variant="body2" sx={{ mb: 0.75 }}>
      {item.note}
      {quote && (
        <>
          {' '}
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
            {quote.length > 200 ? `${quote.slice(0, 200)}…` : quote}
          </Box>
        </>
      )}{' '}
      <Typography component="span" variant="caption" color="text.secondary">
        ({item.from === 'answer' ? 'your answer' : item.source}
        {line ? `, line ${line}` : ''})
      </Typography>
    </Typography>
  );
}
