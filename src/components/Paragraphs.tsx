import Typography, { type TypographyProps } from '@mui/material/Typography';

/** Renders knowledge text: paragraphs separated by blank lines. Text only, never HTML. */
export function Paragraphs({ text, ...props }: { text: string } & TypographyProps) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <Typography key={i} paragraph {...props}>
            {p}
          </Typography>
        ))}
    </>
  );
}
