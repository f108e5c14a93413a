import { useId } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { Contradiction, Diagnosis, EvidenceRef, Level, Reason } from '@/engine/diagnosis';
import { getOutcome, getQuestion } from '@/engine/knowledge';
import { CommandView } from '@/components/CommandView';
import { RouterLink } from '@/components/RouterLink';
import { StepList } from '@/components/StepList';
import { useShowMore } from '@/components/useShowMore';
import { paths } from '@/config/paths';
import { EvidenceQuote } from './EvidenceQuote';

const LEVEL_LABEL: Record<Level, string> = { high: 'Likely', medium: 'Possible', low: 'Unlikely' };
const LEVEL_COLOR: Record<Level, 'success' | 'warning' | 'default'> = {
  high: 'success',
  medium: 'warning',
  low: 'default',
};

/** Evidence quoted under one reason before a "Show more" button (a long log can give hundreds). */
const EVIDENCE_PER_REASON = 5;
const CONTRADICTIONS_SHOWN = 5;

function ReasonItem({ reason, inputTexts }: { reason: Reason; inputTexts: string[] }) {
  const textId = useId();
  const evidence = useShowMore(reason.evidence, {
    limit: EVIDENCE_PER_REASON,
    noun: ['quote', 'quotes'],
    step: 50,
    describedBy: textId,
  });
  return (
    <Typography component="li" sx={{ mb: 0.75 }}>
      <span id={textId}>{reason.text}</span>
      {reason.evidence.length > 0 && (
        <Box component="ul" sx={{ pl: 2.5, mt: 0.5 }}>
          {evidence.shown.map((e, j) => (
            <EvidenceQuote key={j} item={e} inputTexts={inputTexts} />
          ))}
        </Box>
      )}
      {evidence.more}
    </Typography>
  );
}

function Reasons({ title, reasons, inputTexts }: { title: string; reasons: Reason[]; inputTexts: string[] }) {
  if (reasons.length === 0) return null;
  return (
    <>
      <Typography sx={{ fontWeight: 700, mt: 1.5 }}>{title}</Typography>
      <Box component="ul" sx={{ pl: 3, my: 0.5 }}>
        {reasons.map((reason) => (
          // keyed by text (unique within a list): a new verdict does not inherit another reason's opened quotes
          <ReasonItem key={reason.text} reason={reason} inputTexts={inputTexts} />
        ))}
      </Box>
    </>
  );
}

/** One disagreement: the two places quoted, and the other places that repeat it behind a button. */
function ContradictionItem({
  contradiction: c,
  inputTexts,
}: {
  contradiction: Contradiction;
  inputTexts: string[];
}) {
  const textId = useId();
  const elsewhere = useShowMore(c.elsewhere ?? NO_REFS, {
    limit: 0,
    noun: ['place', 'places'],
    step: 50,
    describedBy: textId,
  });
  return (
    // a note, not an alert (MUI's default role): it is part of the verdict, not news, and a live region would
    // read out every quote the button adds
    <Alert severity="warning" role="note" sx={{ mt: 1 }}>
      <span id={textId}>{c.text}</span>
      <Box component="ul" sx={{ pl: 3, mb: 0 }}>
        <EvidenceQuote item={c.a} inputTexts={inputTexts} />
        <EvidenceQuote item={c.b} inputTexts={inputTexts} />
        {elsewhere.shown.map((ref, i) => (
          <EvidenceQuote key={i} item={ref} inputTexts={inputTexts} />
        ))}
      </Box>
      {elsewhere.more}
    </Alert>
  );
}

const NO_REFS: EvidenceRef[] = [];

function Contradictions({ diagnosis, inputTexts }: { diagnosis: Diagnosis; inputTexts: string[] }) {
  const contradictions = useShowMore(diagnosis.contradictions, {
    limit: CONTRADICTIONS_SHOWN,
    noun: ['disagreement', 'disagreements'],
    step: 50,
  });
  if (diagnosis.contradictions.length === 0) return null;
  return (
    <Box component="section" aria-labelledby="contradictions" sx={{ mt: 3 }}>
      <Typography id="contradictions" variant="h3" component="h3">
        Things that disagree
      </Typography>
      {contradictions.shown.map((c, i) => (
        // keyed by text: a new verdict does not inherit another disagreement's opened places
        <ContradictionItem key={`${i}:${c.text}`} contradiction={c} inputTexts={inputTexts} />
      ))}
      {contradictions.more && <Box sx={{ mt: 1 }}>{contradictions.more}</Box>}
    </Box>
  );
}

/**
 * The verdict: what kind of error this is, the most likely scenario with the evidence for and against it,
 * the other candidates with why they are less likely, contradictions, and the one most useful next step.
 */
export function VerdictPanel({
  diagnosis,
  inputTexts,
  values,
}: {
  diagnosis: Diagnosis;
  inputTexts: string[];
  /** command parameter values known from the pastes (validated again when filled) */
  values: Record<string, string>;
}) {
  const top = diagnosis.ranked[0];
  const topOutcome = top ? getOutcome(top.scenario) : undefined;
  const showTop =
    diagnosis.family !== 'other-error' && top && top.score > 0 && topOutcome?.type === 'scenario';
  const others = diagnosis.ranked.slice(1).filter((r) => r.score > 0 || r.against.length > 0);
  const otherOutcome = diagnosis.otherError ? getOutcome(diagnosis.otherError) : undefined;
  const nextQuestion = diagnosis.next?.question ? getQuestion(diagnosis.next.question) : undefined;

  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby="verdict-heading"
      sx={{ p: { xs: 2, sm: 3 }, mb: 3 }}
    >
      <Typography id="verdict-heading" variant="h2" component="h2" gutterBottom>
        Verdict
      </Typography>
      {diagnosis.family === 'handshake-reset' && (
        <Alert severity="error" variant="outlined" sx={{ mb: 2 }}>
          <strong>This is the TLS handshake reset (OS error 10054)</strong>: the connection was dropped during
          pre-login or the TLS handshake of login.
        </Alert>
      )}
      {diagnosis.family === 'other-error' && (
        <Alert severity="info" variant="outlined" sx={{ mb: 2 }}>
          <strong>This is a different error</strong>
          {otherOutcome ? `: ${otherOutcome.title}.` : '.'} The 10054 handshake scenarios do not apply.{' '}
          {otherOutcome && (
            <Link component={RouterLink} to={paths.scenario.href(otherOutcome.id)}>
              What to do instead
            </Link>
          )}
        </Alert>
      )}
      {diagnosis.family === 'unrecognized' && (
        <Alert severity="warning" variant="outlined" sx={{ mb: 2 }}>
          <strong>Not enough to go on yet.</strong> Nothing pasted so far shows the error itself; add the
          client&apos;s error message, or the server&apos;s ERRORLOG lines or Schannel error events.
        </Alert>
      )}
      {diagnosis.familyEvidence.length > 0 && (
        <Box component="ul" sx={{ pl: 3, mt: 0 }}>
          {diagnosis.familyEvidence.slice(0, 3).map((e, i) => (
            <EvidenceQuote key={i} item={e} inputTexts={inputTexts} />
          ))}
        </Box>
      )}

      {showTop && topOutcome && (
        <Box component="section" aria-labelledby="top-scenario" sx={{ mt: 2 }}>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography id="top-scenario" variant="h3" component="h3">
              Most likely: {topOutcome.title}
            </Typography>
            <Chip
              size="small"
              color={LEVEL_COLOR[top.confidence]}
              label={`${LEVEL_LABEL[top.confidence]} (${top.confidence} confidence)`}
            />
          </Box>
          <Typography sx={{ mt: 1 }}>{top.explanation}</Typography>
          <Reasons title="Evidence for it" reasons={top.for} inputTexts={inputTexts} />
          <Reasons title="Evidence against it" reasons={top.against} inputTexts={inputTexts} />
          <Box sx={{ mt: 2 }}>
            <Typography variant="h3" component="h3" sx={{ mb: 1 }}>
              How to fix it
            </Typography>
            {topOutcome.type === 'scenario' && (
              <Box
                component="details"
                sx={{ mb: 2, '& > summary': { cursor: 'pointer', fontWeight: 600, py: 0.5 } }}
                data-testid="verdict-steps"
              >
                <summary>
                  Show the {topOutcome.confirm.length + topOutcome.fix.length} steps to confirm and fix it,
                  with their commands
                </summary>
                <Typography sx={{ my: 1 }}>
                  Confirm first, then change. Values read from your pastes are filled in.
                </Typography>
                <StepList steps={[...topOutcome.confirm, ...topOutcome.fix]} values={values} />
              </Box>
            )}
            <Button variant="outlined" component={RouterLink} to={paths.scenario.href(topOutcome.id)}>
              Open the full page for this scenario (verify, undo, references)
            </Button>
          </Box>
        </Box>
      )}

      {others.length > 0 && diagnosis.family !== 'other-error' && (
        <Box component="section" aria-labelledby="other-candidates" sx={{ mt: 3 }}>
          <Typography id="other-candidates" variant="h3" component="h3">
            The other scenarios, and why they are less likely
          </Typography>
          <Box component="ul" sx={{ pl: 3 }}>
            {others.map((r) => (
              <Typography component="li" key={r.scenario} sx={{ mb: 1 }}>
                <Link component={RouterLink} to={paths.scenario.href(r.scenario)}>
                  {getOutcome(r.scenario)?.title ?? r.scenario}
                </Link>{' '}
                <Chip size="small" variant="outlined" label={LEVEL_LABEL[r.confidence]} />
                <Typography variant="body2" color="text.secondary" component="span" sx={{ display: 'block' }}>
                  {r.explanation}
                </Typography>
              </Typography>
            ))}
          </Box>
        </Box>
      )}

      {diagnosis.lookAlikes.length > 0 && diagnosis.family !== 'other-error' && (
        <Alert severity="info" sx={{ mt: 2 }}>
          Also consider:{' '}
          {diagnosis.lookAlikes.map((l, i) => (
            <span key={l.outcome}>
              {i > 0 && ', '}
              <Link component={RouterLink} to={paths.scenario.href(l.outcome)}>
                {getOutcome(l.outcome)?.title ?? l.outcome}
              </Link>
            </span>
          ))}
        </Alert>
      )}

      <Contradictions diagnosis={diagnosis} inputTexts={inputTexts} />

      {diagnosis.next && (
        <Box component="section" aria-labelledby="next-step" sx={{ mt: 3 }}>
          <Typography id="next-step" variant="h3" component="h3">
            Most useful next step
          </Typography>
          <Typography sx={{ mt: 1 }}>{diagnosis.next.why}</Typography>
          {nextQuestion && (
            <Button
              sx={{ mt: 1 }}
              variant="contained"
              component={RouterLink}
              to={paths.wizardStep.href(nextQuestion.id)}
            >
              Answer: {nextQuestion.title}
            </Button>
          )}
          {diagnosis.next.paste && (
            <>
              <Typography sx={{ mt: 1, fontWeight: 600 }}>
                Paste {diagnosis.next.paste.what} (run on the{' '}
                {diagnosis.next.paste.where === 'both' ? 'client and the server' : diagnosis.next.paste.where}
                ):
              </Typography>
              {diagnosis.next.paste.commands.map((command) => (
                <CommandView
                  key={command.id}
                  command={command}
                  initialValues={{ ...values, ...diagnosis.next?.paste?.values }}
                />
              ))}
            </>
          )}
        </Box>
      )}
    </Paper>
  );
}
