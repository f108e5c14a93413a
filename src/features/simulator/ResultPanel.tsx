import { forwardRef } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { HandshakeStep, SimulationResult } from '@/engine/simulator/types';
import { RouterLink } from '@/components/RouterLink';
import { paths } from '@/config/paths';
import { ACTOR_LABELS, STATUS_LABELS, outcomeHasPage, outcomeTitle } from './labels';
import { StatusIcon } from './StatusIcon';

const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace';

function List({ items, mono = false }: { items: string[]; mono?: boolean }) {
  return (
    <Box
      component="ul"
      sx={{ pl: 3, my: 0.5, fontFamily: mono ? MONO : undefined, fontSize: mono ? '0.8rem' : undefined }}
    >
      {items.map((item, i) => (
        <Box component="li" key={`${i}-${item}`} sx={{ wordBreak: 'break-word' }}>
          {item}
        </Box>
      ))}
    </Box>
  );
}

function Step({ step }: { step: HandshakeStep }) {
  const suites = step.suites ?? [];
  return (
    <Box component="li" sx={{ mb: 1.5, '&::marker': { fontWeight: 700 } }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <StatusIcon status={step.status} />
        <Typography component="span" sx={{ fontWeight: 700 }}>
          {step.title}
        </Typography>
        <Chip size="small" variant="outlined" label={ACTOR_LABELS[step.actor]} />
        <Typography component="span" variant="body2" sx={{ fontWeight: 600 }}>
          {STATUS_LABELS[step.status]}
        </Typography>
      </Box>
      <Typography sx={{ mt: 0.5 }}>{step.detail}</Typography>
      {step.protocols && step.protocols.length > 0 && (
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          Versions: {step.protocols.join(', ')}
        </Typography>
      )}
      {suites.length > 0 &&
        (suites.length <= 2 ? (
          <Typography variant="body2" sx={{ mt: 0.5, fontFamily: MONO, wordBreak: 'break-word' }}>
            {suites.join(', ')}
          </Typography>
        ) : (
          <Box component="details" sx={{ mt: 0.5, '& > summary': { cursor: 'pointer' } }}>
            <Typography component="summary" variant="body2">
              {suites.length} cipher suites, in order
            </Typography>
            <List items={suites} mono />
          </Box>
        ))}
    </Box>
  );
}

/**
 * The prediction: a banner naming the outcome (with a link to its page), the handshake step by step, and
 * what was assumed. The banner's heading can take focus (after a fix is applied).
 */
export const ResultPanel = forwardRef<HTMLHeadingElement, { result: SimulationResult }>(function ResultPanel(
  { result },
  headingRef,
) {
  const hasPage = outcomeHasPage(result.outcome);
  const severity = result.ok && !result.intermittent ? 'success' : result.intermittent ? 'warning' : 'error';
  const title =
    result.ok && !result.intermittent
      ? `The connection works${result.negotiated ? `: ${result.negotiated.protocol}` : ''}`
      : result.intermittent
        ? `Some connections fail: ${outcomeTitle(result.outcome)}`
        : `The connection fails: ${outcomeTitle(result.outcome)}`;
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby="sim-result-heading"
      sx={{ p: { xs: 1.5, sm: 2.5 }, mt: 3 }}
      data-testid="sim-result"
    >
      <Typography id="sim-result-heading" variant="h2" component="h2" gutterBottom>
        Predicted result
      </Typography>
      <Alert severity={severity} variant="outlined" sx={{ mb: 2 }} data-testid="sim-verdict">
        <AlertTitle
          component="h3"
          ref={headingRef}
          tabIndex={-1}
          sx={{ fontWeight: 700, outline: 'none', '&:focus-visible': { outline: '2px solid' } }}
        >
          {title}
        </AlertTitle>
        {result.negotiated && (
          <Typography variant="body2" sx={{ wordBreak: 'break-word' }}>
            Negotiated {result.negotiated.protocol} with{' '}
            <Box component="span" sx={{ fontFamily: MONO }}>
              {result.negotiated.suite}
            </Box>
            {result.tds8 ? ' (TDS 8: TLS before pre-login).' : '.'}
          </Typography>
        )}
        {hasPage && (
          <Link component={RouterLink} to={paths.scenario.href(result.outcome)} sx={{ fontWeight: 600 }}>
            How to confirm and fix: {outcomeTitle(result.outcome)}
          </Link>
        )}
      </Alert>
      <Typography sx={{ mb: 2 }}>{result.explanation}</Typography>

      <Typography variant="h3" component="h3" gutterBottom>
        What each side offers
      </Typography>
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'repeat(2, minmax(0, 1fr))' },
          mb: 2,
        }}
        data-testid="sim-offers"
      >
        {(
          [
            ['Client', result.offers.clientProtocols, result.offers.clientSuites],
            ['Server', result.offers.serverProtocols, result.offers.serverSuites],
          ] as const
        ).map(([who, protocols, suites]) => (
          <Box key={who}>
            <Typography sx={{ fontWeight: 700 }}>{who}</Typography>
            <Typography variant="body2">
              Versions: {protocols.length > 0 ? protocols.join(', ') : 'none'}
            </Typography>
            <Box component="details" sx={{ '& > summary': { cursor: 'pointer' } }}>
              <Typography component="summary" variant="body2">
                {suites.length} cipher suite{suites.length === 1 ? '' : 's'}
              </Typography>
              <List items={[...suites]} mono />
            </Box>
          </Box>
        ))}
      </Box>

      <Typography variant="h3" component="h3" gutterBottom>
        The handshake, step by step
      </Typography>
      <Box component="ol" sx={{ pl: 3, mt: 0 }} aria-label="Handshake steps">
        {result.steps.map((step, i) => (
          <Step key={`${i}-${step.kind}`} step={step} />
        ))}
      </Box>

      {result.assumptions.length > 0 && (
        <>
          <Typography variant="h3" component="h3" gutterBottom>
            What the simulator assumed
          </Typography>
          <List items={result.assumptions} />
        </>
      )}
    </Paper>
  );
});
