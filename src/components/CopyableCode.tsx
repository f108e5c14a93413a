import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import ContentCopy from '@mui/icons-material/ContentCopy';
import Check from '@mui/icons-material/Check';
import { announce } from './announce';
import { copyText, selectContents } from './clipboard';

const LANGUAGE_LABELS: Record<string, string> = {
  powershell: 'PowerShell',
  shell: 'Shell',
  ini: 'Config file',
  sql: 'T-SQL',
  cmd: 'Command Prompt',
  text: 'Text',
  markdown: 'Markdown',
};

export interface CopyableCodeProps {
  code: string;
  language: string;
  /** what is copied, used in the button's accessible name: "Copy PowerShell: <label>" */
  label: string;
  /** badges and notes shown in the header */
  header?: ReactNode;
  /** shown in its own collapsed block labelled "Example output", never copied with the command */
  expectedOutput?: string;
}

/**
 * A code block with one-click copy. The button's name says what it copies; "Copied" is announced through
 * the polite live region (not by relabelling the focused button, which screen readers read unreliably).
 * With focus inside the block and nothing selected, Ctrl/Cmd+C copies the whole block. Long lines scroll
 * inside the block, never the page.
 */
export function CopyableCode({ code, language, label, header, expectedOutput }: CopyableCodeProps) {
  const [copied, setCopied] = useState(false);
  const preRef = useRef<HTMLPreElement>(null);
  const codeId = useId();
  const languageLabel = LANGUAGE_LABELS[language] ?? language;

  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 2000);
    return () => window.clearTimeout(timer);
  }, [copied]);

  async function copy() {
    const ok = await copyText(code);
    if (ok) {
      setCopied(true);
      announce(`Copied ${languageLabel}: ${label}`);
    } else if (preRef.current) {
      selectContents(preRef.current);
      announce('Could not copy automatically. The text is selected: press Control+C to copy it.');
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    const selection = window.getSelection()?.toString() ?? '';
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'c' && selection === '') {
      event.preventDefault();
      void copy();
    }
  }

  return (
    <Box
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, overflow: 'hidden', my: 1.5 }}
      onKeyDown={onKeyDown}
      data-testid="copyable-code"
    >
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          gap: 1,
          flexWrap: 'wrap',
          px: 1.5,
          py: 0.75,
          bgcolor: 'action.hover',
        }}
      >
        <Typography variant="caption" sx={{ fontWeight: 700, letterSpacing: 0.3 }}>
          {languageLabel}
        </Typography>
        <Box sx={{ display: 'flex', gap: 0.75, flexWrap: 'wrap', flexGrow: 1, alignItems: 'center' }}>
          {header}
        </Box>
        <Button
          size="small"
          variant="outlined"
          onClick={() => void copy()}
          startIcon={copied ? <Check /> : <ContentCopy />}
          aria-label={`Copy ${languageLabel}: ${label}`}
          aria-describedby={codeId}
          className="no-print"
          sx={{ minHeight: 32 }}
        >
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </Box>
      <Box
        component="pre"
        ref={preRef}
        id={codeId}
        tabIndex={0}
        aria-label={`${languageLabel} code: ${label}`}
        sx={{
          m: 0,
          p: 1.5,
          overflowX: 'auto',
          fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
          fontSize: '0.85rem',
          lineHeight: 1.5,
          bgcolor: 'background.paper',
          '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: -2 },
        }}
      >
        <code>{code}</code>
      </Box>
      {expectedOutput && (
        <Box
          component="details"
          sx={{
            borderTop: 1,
            borderColor: 'divider',
            '& > summary': { cursor: 'pointer', px: 1.5, py: 0.75 },
          }}
        >
          <Typography component="summary" variant="caption" sx={{ fontWeight: 700 }}>
            Example output
          </Typography>
          <Box
            component="pre"
            tabIndex={0}
            aria-label={`Example output of ${label}`}
            sx={{
              m: 0,
              px: 1.5,
              pb: 1.5,
              overflowX: 'auto',
              fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
              fontSize: '0.8rem',
              color: 'text.secondary',
            }}
          >
            {expectedOutput}
          </Box>
        </Box>
      )}
    </Box>
  );
}
