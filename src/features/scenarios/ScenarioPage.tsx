import { useEffect, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import PrintOutlined from '@mui/icons-material/PrintOutlined';
import { flow, getOutcome, resolveOutcomeId } from '@/engine/knowledge';
import type { Outcome, Reference } from '@/engine/knowledge/types';
import { fillWithDefaults } from '@/engine/powershell/quote';
import { outcomeTicketSummary } from '@/engine/report/markdown';
import { walk } from '@/engine/wizard/walk';
import { CopySummaryButton } from '@/components/CopySummaryButton';
import { PageHeading } from '@/components/PageHeading';
import { RouterLink } from '@/components/RouterLink';
import { StepList } from '@/components/StepList';
import { useDocumentTitle } from '@/components/useDocumentTitle';
import { visuallyHidden } from '@/components/visuallyHidden';
import { paths } from '@/config/paths';
import { shareableUrl } from '@/config/shareableUrl';
import { useWizardStore } from '@/store/wizardStore';

const TYPE_LABEL: Record<Outcome['type'], string> = {
  scenario: 'Scenario',
  'other-error': 'A different error',
  related: 'Related situation',
  escalate: 'Escalation',
};

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <Box component="section" aria-labelledby={id} sx={{ mt: 4 }}>
      <Typography variant="h2" component="h2" id={id} gutterBottom>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

function Bullets({ items }: { items: string[] }) {
  return (
    <Box component="ul" sx={{ pl: 3, my: 1 }}>
      {items.map((item) => (
        <Typography component="li" key={item} sx={{ mb: 0.5 }}>
          {item}
        </Typography>
      ))}
    </Box>
  );
}

function References({ items }: { items: Reference[] }) {
  return (
    <Box component="ul" sx={{ pl: 3, my: 1 }}>
      {items.map((r) => (
        <Typography component="li" key={`${r.label}${r.url ?? ''}`} sx={{ mb: 0.5 }}>
          {r.url ? (
            <Link href={r.url} rel="noreferrer noopener" target="_blank">
              {r.label}
            </Link>
          ) : (
            r.label
          )}
          {r.kb ? ` (${r.kb})` : ''}
        </Typography>
      ))}
    </Box>
  );
}

const fillDefaults = (command: Parameters<typeof fillWithDefaults>[0]) => {
  const filled = fillWithDefaults(command);
  return filled.ok ? filled.code : undefined;
};

/** One outcome: a scenario of the article, a different error, a related situation, or escalation. */
export default function ScenarioPage() {
  const { scenarioId = '' } = useParams();
  const navigate = useNavigate();
  const resolvedId = resolveOutcomeId(scenarioId);
  const outcome = resolvedId ? getOutcome(resolvedId) : undefined;
  const answers = useWizardStore((s) => s.answers);
  const startOver = useWizardStore((s) => s.startOver);
  useDocumentTitle(outcome ? outcome.title : 'Scenario not found');

  useEffect(() => {
    if (resolvedId && resolvedId !== scenarioId) navigate(paths.scenario.href(resolvedId), { replace: true });
  }, [resolvedId, scenarioId, navigate]);

  if (!outcome) {
    return (
      <>
        <PageHeading>Scenario not found</PageHeading>
        <Alert severity="warning" sx={{ mb: 3 }}>
          There is no scenario “{scenarioId}”. The link may be mistyped or from an older version of this tool.
        </Alert>
        <Button variant="contained" component={RouterLink} to={paths.scenarios.href()}>
          See all scenarios
        </Button>
      </>
    );
  }

  const path = walk(flow, answers);
  const cameFromWizard = path.outcome === outcome.id;
  const answered = cameFromWizard
    ? path.steps.map((s) => ({ question: s.question.title, answer: s.answer.label }))
    : [];
  const shareLink = typeof window === 'undefined' ? undefined : shareableUrl(window.location.href);

  return (
    <>
      <Chip label={TYPE_LABEL[outcome.type]} size="small" sx={{ mb: 1 }} />
      <PageHeading>{outcome.title}</PageHeading>
      <Typography sx={{ fontSize: '1.1rem', mb: 2 }}>{outcome.summary}</Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }} className="no-print">
        <CopySummaryButton
          getText={() => outcomeTicketSummary(outcome, answered, fillDefaults, shareLink)}
          label="Copy summary for ticket"
        />
        <Button variant="outlined" startIcon={<PrintOutlined />} onClick={() => window.print()}>
          Print
        </Button>
      </Box>

      {cameFromWizard && (
        <Section title="How we got here">
          <Box component="ol" sx={{ pl: 3 }}>
            {path.steps.map((s) => (
              <Typography component="li" key={s.question.id} sx={{ mb: 0.5 }}>
                {s.question.title} <strong>{s.answer.label}</strong>{' '}
                <Link component={RouterLink} to={paths.wizardStep.href(s.question.id)} className="no-print">
                  Change
                  <Box component="span" sx={visuallyHidden}>{` your answer to: ${s.question.title}`}</Box>
                </Link>
              </Typography>
            ))}
          </Box>
          <Button
            size="small"
            className="no-print"
            onClick={() => {
              startOver();
              navigate(paths.wizardStep.href(flow.start));
            }}
          >
            Start over
          </Button>
        </Section>
      )}

      {outcome.type === 'scenario' ? (
        <>
          <Section title="Who it affects">
            <Typography>{outcome.affects}</Typography>
          </Section>
          <Section title="What you see">
            <Bullets items={outcome.symptoms} />
          </Section>
          <Section title="Signs for and against">
            <Typography sx={{ fontWeight: 600 }}>Points to this scenario</Typography>
            <Bullets items={outcome.pointsTo} />
            <Typography sx={{ fontWeight: 600 }}>Points away from it</Typography>
            <Bullets items={outcome.pointsAway} />
          </Section>
          <Section title="1. Confirm it">
            <StepList steps={outcome.confirm} />
          </Section>
          <Section title="2. Fix it">
            <StepList steps={outcome.fix} />
          </Section>
          <Section title="3. Check that the fix worked">
            <StepList steps={outcome.verify} />
          </Section>
          {outcome.undo.length > 0 && (
            <Section title="If you need to undo the change">
              <StepList steps={outcome.undo} />
            </Section>
          )}
          <Section title="What restarts">
            <Typography>{outcome.restarts}</Typography>
          </Section>
          <Section title="References">
            <References items={outcome.references} />
          </Section>
        </>
      ) : (
        <>
          {outcome.symptoms.length > 0 && (
            <Section title="What you see">
              <Bullets items={outcome.symptoms} />
            </Section>
          )}
          {outcome.steps.length > 0 && (
            <Section title="What to do">
              <StepList steps={outcome.steps} />
            </Section>
          )}
          {outcome.whereToGo.length > 0 && (
            <Section title="Where to go next">
              <References items={outcome.whereToGo} />
            </Section>
          )}
        </>
      )}
      <Box sx={{ mt: 5 }} className="no-print">
        <Link component={RouterLink} to={paths.scenarios.href()}>
          All scenarios
        </Link>
      </Box>
    </>
  );
}
