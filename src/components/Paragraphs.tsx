import Typography from '@mui/material/Typography';

/** Renders knowledge text: paragraphs separated by blank lines. Text only, never HTML. */
export function Paragraphs({ text, variant = 'body1' }: { text: string; variant?: 'body1' | 'body2' }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <Typography key={i} component="p" variant={variant} sx={{ mb: 1.5 }}>
            {p}
          </Typography>
        ))}
    </>
  );
}
