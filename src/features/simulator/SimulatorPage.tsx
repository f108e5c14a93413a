import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import BuildOutlined from '@mui/icons-material/BuildOutlined';
import Check from '@mui/icons-material/Check';
import LinkOutlined from '@mui/icons-material/LinkOutlined';
import { applyChanges, encodeSimState, findSmallestFixes, simulate } from '@/engine/simulator';
import { CLIENT_PRESETS } from '@/engine/simulator';
import type { ClientSide, FixOption, ServerSide, SimulationResult } from '@/engine/simulator/types';
import { announce } from '@/components/announce';
import { copyText } from '@/components/clipboard';
import { PageHeading } from '@/components/PageHeading';
import { useDocumentTitle } from '@/components/useDocumentTitle';
import { paths } from '@/config/paths';
import { shareableUrl } from '@/config/shareableUrl';
import { ClientPanel } from './ClientPanel';
import { readDeepLink } from './deepLink';
import { FixList } from './FixList';
import { outcomeTitle, shortResult } from './labels';
import { MatrixView } from './MatrixView';
import { PastePrefill } from './PastePrefill';
import { PresetPicker } from './PresetPicker';
import { ResultPanel } from './ResultPanel';
import { ServerPanel } from './ServerPanel';
import { useSimulatorStore } from './simulatorStore';
import { usePastedSides } from './usePastedSides';
import { StatusIcon } from './StatusIcon';

function safeSimulate(server: ServerSide, client: ClientSide): SimulationResult {
  try {
    return simulate(server, client);
  } catch {
    return {
      ok: false,
      outcome: 'unsupported-setup',
      intermittent: false,
      tds8: false,
      steps: [],
      explanation: 'The simulator could not evaluate this combination. Check the values you typed.',
      assumptions: [],
      offers: { clientProtocols: [], serverProtocols: [], clientSuites: [], serverSuites: [] },
    };
  }
}

const verdictText = (r: SimulationResult) =>
  r.ok && !r.intermittent
    ? `The connection works${r.negotiated ? ` with ${r.negotiated.protocol}` : ''}.`
    : `${r.intermittent ? 'Some connections fail' : 'The connection fails'}: ${outcomeTitle(r.outcome)}.`;

/**
 * The handshake simulator: two sides, the predicted handshake, the smallest fix, and a matrix of many
 * servers against many clients. Everything is computed in the page as the user types.
 */
export default function SimulatorPage() {
  useDocumentTitle('Handshake simulator');
  const {
    server,
    client,
    matrix,
    revision,
    notice,
    linkedPreset,
    setServer,
    setClient,
    load,
    setMatrix,
    setNotice,
  } = useSimulatorStore();
  const [tab, setTab] = useState(0);
  const pastedSides = usePastedSides();
  // Both belong to one setup: loading another (preset, link, fix, matrix cell) bumps `revision` and hides them.
  const [fixesFor, setFixesFor] = useState<number | null>(null);
  const [appliedState, setApplied] = useState<{ text: string; ok: boolean; revision: number } | null>(null);
  const showFixes = fixesFor === revision;
  const applied = appliedState?.revision === revision ? appliedState : null;
  const [copied, setCopied] = useState(false);
  const [manualLink, setManualLink] = useState<string | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();

  const result = useMemo(() => safeSimulate(server, client), [server, client]);
  const fixes: FixOption[] = useMemo(
    () => (showFixes && !result.ok ? findSmallestFixes(server, client) : []),
    [showFixes, result.ok, server, client],
  );

  // Deep links: #/simulator?preset=<id> and #/simulator?s=<token>. Read once, then tidied from the URL.
  const search = searchParams.toString();
  useEffect(() => {
    if (search === '') return;
    const link = readDeepLink(new URLSearchParams(search));
    if (link) {
      if (link.pair) load(link.pair, link.notice, link.scenarioPresetId ?? null);
      else setNotice(link.notice);
      if (link.matrix && link.matrix.servers.length > 0 && link.matrix.clients.length > 0)
        setMatrix(link.matrix);
    }
    navigate(paths.simulator.href(), { replace: true });
  }, [search, navigate, load, setNotice, setMatrix]);

  // The prediction changes as the user types: say so politely (not on the first render).
  const spoken = useRef<string | null>(null);
  const verdict = verdictText(result);
  useEffect(() => {
    if (spoken.current !== null && spoken.current !== verdict) announce(`Prediction: ${verdict}`);
    spoken.current = verdict;
  }, [verdict]);

  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 2000);
    return () => window.clearTimeout(timer);
  }, [copied]);

  function edited(apply: () => void) {
    apply();
    setApplied(null);
  }

  function loadPair(pair: { server: ServerSide; client: ClientSide }, text: string) {
    load(pair, { severity: 'info', text });
    spoken.current = verdictText(safeSimulate(pair.server, pair.client));
    announce(`${text} Prediction: ${spoken.current}`);
  }

  function applyFix(fix: FixOption, index: number) {
    const next = applyChanges({ server, client }, fix.changes);
    const after = safeSimulate(next.server, next.client);
    load(next, null);
    const text = after.ok
      ? `Applied fix ${index + 1} (${fix.descriptions.join('; ')}). The connection now works${after.negotiated ? ` with ${after.negotiated.protocol}` : ''}.`
      : `Applied fix ${index + 1} (${fix.descriptions.join('; ')}), but the connection still fails: ${outcomeTitle(after.outcome)}.`;
    setApplied({ text, ok: after.ok, revision: useSimulatorStore.getState().revision });
    spoken.current = verdictText(after); // this message already says the new prediction
    announce(text);
    window.setTimeout(() => resultHeading.current?.focus(), 0);
  }

  async function copyLink() {
    const token = encodeSimState({ server, client, matrix });
    const url = `${shareableUrl(window.location.href).split('#')[0]}#${paths.simulator.href()}?s=${token}`;
    const ok = await copyText(url);
    setCopied(ok);
    setManualLink(ok ? null : url);
    announce(
      ok ? 'Link to this setup copied' : 'Could not copy the link; it is shown below to copy by hand.',
    );
  }

  function openPair(s: ServerSide, c: ClientSide, label: string) {
    loadPair({ server: structuredClone(s), client: structuredClone(c) }, `Opened ${label}.`);
    setTab(0);
    window.setTimeout(() => resultHeading.current?.focus(), 0);
  }

  const short = shortResult(result);

  return (
    // Suite names are long unbroken words: they wrap rather than widen the page (reflow at 320 px).
    <Box sx={{ overflowWrap: 'anywhere' }}>
      <PageHeading>Handshake simulator</PageHeading>
      <Typography sx={{ mb: 1 }}>
        Describe a SQL Server and a client, and see whether their TLS handshake would succeed, step by step,
        before you change anything. If it fails, find the smallest change that fixes it.
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        A prediction from documented defaults, not a connection test: everything runs in this browser tab.
      </Typography>
      {notice && (
        <Alert
          severity={notice.severity}
          onClose={() => setNotice(null)}
          sx={{ mb: 2 }}
          data-testid="sim-notice"
        >
          {notice.text}
          {notice.details && notice.details.length > 0 && (
            <Box component="ul" sx={{ pl: 2.5, my: 0.5 }}>
              {notice.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </Box>
          )}
        </Alert>
      )}
      <PastePrefill
        onUse={(pair, text) => {
          loadPair(pair, text);
        }}
      />
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 3 }}>
        <Tabs
          value={tab}
          onChange={(_, v: number) => setTab(v)}
          aria-label="Simulator views"
          variant="scrollable"
          allowScrollButtonsMobile
        >
          <Tab label="One connection" id="sim-tab-0" aria-controls="sim-panel-0" />
          <Tab label="Matrix: many servers and clients" id="sim-tab-1" aria-controls="sim-panel-1" />
        </Tabs>
      </Box>

      <Box role="tabpanel" id="sim-panel-0" aria-labelledby="sim-tab-0" hidden={tab !== 0}>
        {tab === 0 && (
          <>
            <PresetPicker
              key={linkedPreset ?? ''}
              initialScenario={linkedPreset}
              onLoadPair={(pair, label) => loadPair(pair, `Loaded the preset “${label}”.`)}
              onLoadServer={(s, label) => loadPair({ server: s, client }, `Loaded the server “${label}”.`)}
              onLoadClient={(c, label) => loadPair({ server, client: c }, `Loaded the client “${label}”.`)}
            />

            <Box component="section" aria-labelledby="setup-heading" sx={{ mt: 3 }}>
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1 }}>
                <Typography id="setup-heading" variant="h2" component="h2" sx={{ flexGrow: 1 }}>
                  Your setup
                </Typography>
                <Button
                  variant="outlined"
                  startIcon={copied ? <Check /> : <LinkOutlined />}
                  onClick={() => void copyLink()}
                >
                  {copied ? 'Copied' : 'Copy link to this setup'}
                </Button>
              </Box>
              {manualLink && (
                <Alert severity="info" sx={{ mb: 2, wordBreak: 'break-all' }}>
                  Copy this link by hand: {manualLink}
                </Alert>
              )}
              <Box
                sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 2, fontWeight: 600 }}
                data-testid="sim-live-verdict"
              >
                <StatusIcon status={short.tone} />
                <span>Prediction: {verdict}</span>
              </Box>
              <Box
                key={revision}
                sx={{
                  display: 'grid',
                  gap: 2,
                  gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))' },
                }}
              >
                <ServerPanel server={server} onChange={(s) => edited(() => setServer(s))} />
                <ClientPanel
                  client={client}
                  presets={CLIENT_PRESETS}
                  onChange={(c) => edited(() => setClient(c))}
                />
              </Box>
            </Box>

            {applied && (
              <Alert severity={applied.ok ? 'success' : 'warning'} sx={{ mt: 3 }} data-testid="sim-applied">
                {applied.text}
              </Alert>
            )}
            <ResultPanel ref={resultHeading} result={result} />

            {!result.ok || result.intermittent ? (
              <Box component="section" aria-labelledby="fix-heading" sx={{ mt: 3 }}>
                <Typography id="fix-heading" variant="h2" component="h2" gutterBottom>
                  The smallest fix
                </Typography>
                <Typography sx={{ mb: 1.5 }}>
                  Searches single changes, then pairs of changes, on either side, and ranks the ones that work
                  by risk: updating a driver or Windows comes before turning old protocols back on.
                </Typography>
                {!showFixes ? (
                  <Button
                    variant="contained"
                    startIcon={<BuildOutlined />}
                    onClick={() => setFixesFor(revision)}
                  >
                    Find the smallest fix
                  </Button>
                ) : (
                  <FixList fixes={fixes} onApply={applyFix} />
                )}
              </Box>
            ) : null}
          </>
        )}
      </Box>

      <Box role="tabpanel" id="sim-panel-1" aria-labelledby="sim-tab-1" hidden={tab !== 1}>
        {tab === 1 && (
          <MatrixView
            server={server}
            client={client}
            pasted={pastedSides}
            selection={matrix}
            onSelectionChange={setMatrix}
            onOpen={openPair}
          />
        )}
      </Box>
    </Box>
  );
}
