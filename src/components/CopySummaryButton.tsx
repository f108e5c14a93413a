import { useEffect, useState } from 'react';
import Button from '@mui/material/Button';
import Check from '@mui/icons-material/Check';
import ContentCopy from '@mui/icons-material/ContentCopy';
import { announce } from './announce';
import { copyText } from './clipboard';

/** Copies generated text (a ticket summary) and announces the result. */
export function CopySummaryButton({ getText, label }: { getText: () => string; label: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 2000);
    return () => window.clearTimeout(timer);
  }, [copied]);
  return (
    <Button
      variant="contained"
      startIcon={copied ? <Check /> : <ContentCopy />}
      onClick={async () => {
        const ok = await copyText(getText());
        setCopied(ok);
        announce(
          ok
            ? 'Summary copied as Markdown'
            : 'Could not copy the summary. Your browser blocked the clipboard.',
        );
      }}
    >
      {copied ? 'Copied' : label}
    </Button>
  );
}
