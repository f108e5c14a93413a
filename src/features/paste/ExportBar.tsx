import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinkOutlined from '@mui/icons-material/LinkOutlined';
import PrintOutlined from '@mui/icons-material/PrintOutlined';
import type { Diagnosis } from '@/engine/diagnosis';
import { getOutcome } from '@/engine/knowledge';
import type { CommandBlock } from '@/engine/knowledge/types';
import type { TextAnalysis } from '@/engine/parsers';
import { fillCommand } from '@/engine/powershell/quote';
import { redactSecrets } from '@/engine/redact';
import { analysisTicketSummary } from '@/engine/report/markdown';
import { announce } from '@/components/announce';
import { copyText } from '@/components/clipboard';
import { CopySummaryButton } from '@/components/CopySummaryButton';
import { paths } from '@/config/paths';
import type { PasteInput } from '@/store/pasteStore';
import { encodeShare } from '@/store/shareLink';
import { useWizardStore } from '@/store/wizardStore';
import { KIND_LABELS } from './kinds';

/** Quotes per reason in the ticket summary. */
const QUOTES_PER_REASON = 5;
/** Disagreements listed in the ticket summary (the page lists them all). */
const DISAGREEMENTS_LISTED = 5;

const FAMILY_LINE: Record<Diagnosis['family'], string> = {
  'handshake-reset': 'This is the TLS handshake reset (OS error 10054) during pre-login or login.',
  'other-error': 'This is a different error, not the 10054 handshake reset.',
  unrecognized: 'Not enough information yet to say what the error is.',
};

/** Builds the share link for the current pastes and answers: the state lives in the URL fragment only. */
export function shareUrl(token: string): string {
  const base = `${window.location.origin}${window.location.pathname}`;
  return `${base}#${paths.paste.href()}?share=${token}`;
}

export function ExportBar({
  inputs,
  analyses,
  diagnosis,
  values,
}: {
  inputs: PasteInput[];
  analyses: Record<string, TextAnalysis | undefined>;
  diagnosis: Diagnosis;
  values: Record<string, string>;
}) {
  const answers = useWizardStore((s) => s.answers);
  const [shareNotice, setShareNotice] = useState<{ severity: 'success' | 'error'; text: string } | null>(
    null,
  );

  const fill = (command: CommandBlock) => {
    const filled = fillCommand(command, values);
    return filled.ok ? filled.code : undefined;
  };

  function summaryText() {
    const top = diagnosis.ranked[0];
    const topOutcome =
      top && top.score > 0 && diagnosis.family !== 'other-error' ? getOutcome(top.scenario) : undefined;
    // at most a few quotes per reason: a long log gives hundreds, which would bury the ticket
    const quote = (r: {
      text: string;
      evidence: { evidence: { text: string } | null; source: string }[];
    }) => {
      const quoted = r.evidence.filter((e) => e.evidence !== null);
      return [
        r.text,
        ...quoted
          .slice(0, QUOTES_PER_REASON)
          .map((e) => `"${redactSecrets(e.evidence!.text).text.slice(0, 200)}" (${e.source})`),
        ...(quoted.length > QUOTES_PER_REASON ? [`(and ${quoted.length - QUOTES_PER_REASON} more)`] : []),
      ].join(' ');
    };
    const otherOutcome = diagnosis.otherError ? getOutcome(diagnosis.otherError) : undefined;
    return analysisTicketSummary(
      {
        inputs: inputs.map((i) => ({
          source: i.source,
          kinds: [
            ...new Set(
              (analyses[i.id]?.parts ?? [])
                .filter((p) => p.kind !== 'unknown')
                .map((p) => KIND_LABELS[p.kind]),
            ),
          ],
        })),
        familyLine: `${FAMILY_LINE[diagnosis.family]}${otherOutcome ? ` ${otherOutcome.title}.` : ''}`,
        ...(top && topOutcome
          ? {
              top: {
                outcome: topOutcome,
                confidence: top.confidence,
                explanation: top.explanation,
                evidence: top.for.map(quote),
                against: top.against.map(quote),
              },
            }
          : {}),
        others: diagnosis.ranked
          .slice(1)
          .filter((r) => r.score > 0)
          .map((r) => ({
            title: getOutcome(r.scenario)?.title ?? r.scenario,
            confidence: r.confidence,
            explanation: r.explanation,
          })),
        ...(diagnosis.contradictions.length
          ? {
              disagreements: [
                ...diagnosis.contradictions
                  .slice(0, DISAGREEMENTS_LISTED)
                  .map((c) => redactSecrets(c.text).text),
                ...(diagnosis.contradictions.length > DISAGREEMENTS_LISTED
                  ? [`(and ${diagnosis.contradictions.length - DISAGREEMENTS_LISTED} more)`]
                  : []),
              ],
            }
          : {}),
        ...(diagnosis.next ? { next: diagnosis.next.why } : {}),
      },
      fill,
    );
  }

  async function copyShareLink() {
    const shared = encodeShare({
      inputs: inputs.filter((i) => !i.binary).map((i) => ({ source: i.source, text: i.text })),
      answers,
    });
    if (shared.tooLong) {
      setShareNotice({
        severity: 'error',
        text: 'These pastes are too large for a link (over 100,000 characters once packed). Copy the summary for the ticket instead, or remove the largest paste.',
      });
      return;
    }
    const ok = await copyText(shareUrl(shared.token));
    const removed = shared.removed.map((r) => `${r.count} ${r.what}${r.count > 1 ? 's' : ''}`).join(', ');
    const text = ok
      ? `Share link copied. It holds your pastes and answers in the link itself; nothing is stored anywhere else.${removed ? ` Removed before sharing: ${removed}.` : ''}`
      : 'Could not copy the link: the browser blocked the clipboard.';
    setShareNotice({ severity: ok ? 'success' : 'error', text });
    announce(text);
  }

  return (
    <Box className="no-print" sx={{ mb: 3 }}>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <CopySummaryButton getText={summaryText} label="Copy summary for ticket" />
        <Button variant="outlined" startIcon={<LinkOutlined />} onClick={() => void copyShareLink()}>
          Copy share link
        </Button>
        <Button variant="outlined" startIcon={<PrintOutlined />} onClick={() => window.print()}>
          Print
        </Button>
      </Box>
      {shareNotice && (
        <Alert severity={shareNotice.severity} onClose={() => setShareNotice(null)} sx={{ mt: 1.5 }}>
          {shareNotice.text}
        </Alert>
      )}
    </Box>
  );
}
