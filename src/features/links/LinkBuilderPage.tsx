import { useEffect, useRef, useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import OpenInNew from '@mui/icons-material/OpenInNew';
import { allOutcomes, flow, getOutcome, getQuestion } from '@/engine/knowledge';
import type { Outcome } from '@/engine/knowledge/types';
import { SAMPLES } from '@/engine/samples/samples';
import { CLIENT_PRESETS, SCENARIO_PRESETS, SERVER_PRESETS } from '@/engine/simulator';
import { walk } from '@/engine/wizard/walk';
import { CopyableCode } from '@/components/CopyableCode';
import { PageHeading } from '@/components/PageHeading';
import { useDocumentTitle } from '@/components/useDocumentTitle';
import { visuallyHidden } from '@/components/visuallyHidden';
import { HEIGHT_MESSAGE_TYPE } from './embed';
import { anchorSnippet, iframeSnippet, markdownSnippet } from './snippets';
import { appBase, appUrl, routeFor, type LinkTarget } from './urlScheme';

type Kind = 'scenario' | 'question' | 'answers' | 'sample' | 'simulator' | 'page';

const KINDS: { value: Kind; label: string }[] = [
  { value: 'scenario', label: 'A scenario or other outcome' },
  { value: 'question', label: 'A question of the wizard' },
  { value: 'answers', label: 'The wizard with answers already filled in' },
  { value: 'sample', label: 'The paste page with an example loaded' },
  { value: 'simulator', label: 'The handshake simulator with a setup loaded' },
  { value: 'page', label: 'One of the main pages' },
];

const PAGES = [
  { value: 'home', label: 'Start page', target: { kind: 'home' } },
  {
    value: 'wizard',
    label: 'Guided wizard (first question, or where saved answers lead)',
    target: { kind: 'wizard' },
  },
  { value: 'paste', label: 'Paste & analyze', target: { kind: 'paste' } },
  { value: 'scenarios', label: 'All scenarios', target: { kind: 'scenarios' } },
  { value: 'simulator', label: 'Handshake simulator', target: { kind: 'simulator' } },
] as const satisfies readonly { value: string; label: string; target: LinkTarget }[];

const OUTCOME_GROUPS: { type: Outcome['type']; label: string }[] = [
  { type: 'scenario', label: 'The six causes of the handshake reset' },
  { type: 'related', label: 'Related situations' },
  { type: 'other-error', label: 'Different errors that look similar' },
  { type: 'escalate', label: 'When nothing matches' },
];

/** The simulator's own choice: a server preset and a client preset, linked as `<server>+<client>`. */
const OWN_PAIR = '+';

const PREVIEW_MIN = 160;
const PREVIEW_MAX = 720;

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `links-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <Box component="section" aria-labelledby={id} sx={{ mt: 4 }}>
      <Typography variant="h2" id={id} gutterBottom>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

/** A native select: fully keyboard-operable, labelled, and read well by every screen reader. */
function Choice({
  label,
  value,
  onChange,
  children,
  helperText,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
  helperText?: string;
}) {
  return (
    <TextField
      select
      fullWidth
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      helperText={helperText}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
      sx={{ mb: 2 }}
    >
      {children}
    </TextField>
  );
}

/** The answers chosen so far, kept only along the path they take (like the wizard does). */
function answerChain(chosen: readonly (readonly [string, string])[]) {
  const answers = Object.fromEntries(chosen);
  const path = walk(flow, answers);
  return { path, pairs: path.steps.map((s) => [s.question.id, s.answer.id] as const) };
}

/**
 * The link builder for KB authors: pick what the link opens, see it live, copy the link or a snippet.
 * Links are built on this page's own address, so they are right wherever the app is hosted.
 */
export default function LinkBuilderPage() {
  useDocumentTitle('Link builder');
  const [kind, setKind] = useState<Kind>('scenario');
  const [scenarioId, setScenarioId] = useState<string>(allOutcomes[0]?.id ?? '');
  const [questionId, setQuestionId] = useState<string>(flow.start);
  const [chosen, setChosen] = useState<(readonly [string, string])[]>([]);
  const [sampleId, setSampleId] = useState<string>(SAMPLES[0]?.id ?? '');
  const [presetId, setPresetId] = useState<string>(SCENARIO_PRESETS[0]?.id ?? OWN_PAIR);
  const [serverId, setServerId] = useState<string>(SERVER_PRESETS[0]?.id ?? '');
  const [clientId, setClientId] = useState<string>(CLIENT_PRESETS[0]?.id ?? '');
  const [page, setPage] = useState<(typeof PAGES)[number]['value']>('home');
  const [embed, setEmbed] = useState(false);
  const [customText, setCustomText] = useState<string | null>(null);

  const { path, pairs } = answerChain(chosen);

  const { target, title } = ((): { target: LinkTarget; title: string } => {
    switch (kind) {
      case 'scenario':
        return {
          target: { kind: 'scenario', id: scenarioId },
          title: getOutcome(scenarioId)?.title ?? scenarioId,
        };
      case 'question':
        return {
          target: { kind: 'wizard', stepId: questionId },
          title: getQuestion(questionId)?.title ?? questionId,
        };
      case 'answers':
        return path.outcome
          ? {
              target: { kind: 'wizard', answers: pairs },
              title: getOutcome(path.outcome)?.title ?? path.outcome,
            }
          : {
              target: { kind: 'wizard', stepId: path.current?.id ?? flow.start, answers: pairs },
              title: path.current?.title ?? 'Guided wizard',
            };
      case 'sample':
        return {
          target: { kind: 'paste', sample: sampleId },
          title: `Example: ${SAMPLES.find((s) => s.id === sampleId)?.title ?? sampleId}`,
        };
      case 'simulator': {
        if (presetId === OWN_PAIR) {
          const server = SERVER_PRESETS.find((p) => p.id === serverId)?.label ?? serverId;
          const client = CLIENT_PRESETS.find((p) => p.id === clientId)?.label ?? clientId;
          return {
            target: { kind: 'simulator', preset: `${serverId}+${clientId}` },
            title: `Handshake simulator: ${server} and ${client}`,
          };
        }
        const preset = SCENARIO_PRESETS.find((p) => p.id === presetId);
        return {
          target: { kind: 'simulator', preset: presetId },
          title: `Handshake simulator: ${preset?.label ?? presetId}`,
        };
      }
      case 'page': {
        const p = PAGES.find((x) => x.value === page) ?? PAGES[0];
        return { target: p.target, title: p.label.replace(/ \(.*\)$/, '') };
      }
    }
  })();

  const base = appBase(window.location);
  const route = routeFor(target);
  const url = appUrl(base, route, embed);
  const previewUrl = appUrl(base, route, true);
  const linkText = customText ?? title;

  // The preview is the app itself in embed mode; it reports its height like any embedded copy.
  const frame = useRef<HTMLIFrameElement>(null);
  const [previewHeight, setPreviewHeight] = useState(480);
  useEffect(() => {
    function onMessage(event: MessageEvent) {
      const data = event.data as { type?: unknown; height?: unknown } | null;
      if (event.source !== frame.current?.contentWindow || data?.type !== HEIGHT_MESSAGE_TYPE) return;
      if (typeof data.height === 'number' && Number.isFinite(data.height)) {
        setPreviewHeight(Math.min(Math.max(Math.ceil(data.height), PREVIEW_MIN), PREVIEW_MAX));
      }
    }
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  return (
    <>
      <PageHeading>Link builder</PageHeading>
      <Typography sx={{ mb: 1 }}>
        Make a link to one page of this troubleshooter for a knowledge-base article: a scenario, a wizard
        question, the wizard with answers already filled in, an example analysis or a simulator setup. Embed
        it as an iframe, or link to it.
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Links are built on the address of this copy of the app ({base}). These addresses stay valid in later
        versions: renamed pages keep working under their old names.
      </Typography>

      <Section title="1. What should the link open?">
        <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mb: 2 }}>
          <Box component="legend" sx={visuallyHidden}>
            What should the link open?
          </Box>
          <RadioGroup
            name="link-kind"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as Kind);
              setCustomText(null);
            }}
          >
            {KINDS.map((k) => (
              <FormControlLabel key={k.value} value={k.value} control={<Radio />} label={k.label} />
            ))}
          </RadioGroup>
        </Box>

        {kind === 'scenario' && (
          <Choice
            label="Scenario or outcome"
            value={scenarioId}
            onChange={(v) => {
              setScenarioId(v);
              setCustomText(null);
            }}
          >
            {OUTCOME_GROUPS.map((group) => (
              <optgroup key={group.type} label={group.label}>
                {allOutcomes
                  .filter((o) => o.type === group.type)
                  .map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.type === 'scenario' ? `${o.articleNumber}. ` : ''}
                      {o.title}
                    </option>
                  ))}
              </optgroup>
            ))}
          </Choice>
        )}

        {kind === 'question' && (
          <Choice
            label="Question"
            value={questionId}
            onChange={(v) => {
              setQuestionId(v);
              setCustomText(null);
            }}
            helperText="Opening a question directly skips the ones before it; the page says so and offers to start from the first."
          >
            {flow.questions.map((q) => (
              <option key={q.id} value={q.id}>
                {q.title}
              </option>
            ))}
          </Choice>
        )}

        {kind === 'answers' && (
          <Box>
            <Typography sx={{ mb: 2 }}>
              Choose answers in the order the wizard asks them; the link opens at the next question (or at the
              outcome the answers lead to), with these answers filled in and changeable.
            </Typography>
            {[...path.steps.map((s) => s.question), ...(path.current ? [path.current] : [])].map(
              (q, index) => (
                <Choice
                  key={q.id}
                  label={`${index + 1}. ${q.title}`}
                  value={pairs[index]?.[1] ?? ''}
                  onChange={(v) => {
                    setCustomText(null);
                    setChosen(
                      v === '' ? pairs.slice(0, index) : [...pairs.slice(0, index), [q.id, v] as const],
                    );
                  }}
                >
                  <option value="">Leave for the reader to answer</option>
                  {q.answers.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.label}
                    </option>
                  ))}
                </Choice>
              ),
            )}
            <Alert severity="info" sx={{ mb: 2 }}>
              {path.outcome
                ? `These answers lead to: ${getOutcome(path.outcome)?.title ?? path.outcome}.`
                : pairs.length === 0
                  ? 'No answers chosen yet: the link opens the first question.'
                  : `The link opens the question “${path.current?.title ?? ''}”.`}
            </Alert>
          </Box>
        )}

        {kind === 'sample' && (
          <Choice
            label="Example"
            value={sampleId}
            onChange={(v) => {
              setSampleId(v);
              setCustomText(null);
            }}
          >
            {SAMPLES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </Choice>
        )}

        {kind === 'simulator' && (
          <>
            <Choice
              label="Simulator setup"
              value={presetId}
              onChange={(v) => {
                setPresetId(v);
                setCustomText(null);
              }}
            >
              <optgroup label="Scenario presets">
                {SCENARIO_PRESETS.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </optgroup>
              <option value={OWN_PAIR}>A server and a client of my choice</option>
            </Choice>
            {presetId === OWN_PAIR && (
              <>
                <Choice
                  label="Server"
                  value={serverId}
                  onChange={(v) => {
                    setServerId(v);
                    setCustomText(null);
                  }}
                >
                  {SERVER_PRESETS.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.label}
                    </option>
                  ))}
                </Choice>
                <Choice
                  label="Client"
                  value={clientId}
                  onChange={(v) => {
                    setClientId(v);
                    setCustomText(null);
                  }}
                >
                  {CLIENT_PRESETS.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.label}
                    </option>
                  ))}
                </Choice>
              </>
            )}
          </>
        )}

        {kind === 'page' && (
          <Choice
            label="Page"
            value={page}
            onChange={(v) => {
              setPage(v as typeof page);
              setCustomText(null);
            }}
          >
            {PAGES.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </Choice>
        )}
      </Section>

      <Section title="2. How should it open?">
        <FormControlLabel
          control={<Switch checked={embed} onChange={(e) => setEmbed(e.target.checked)} />}
          label="Embedded view, for an iframe: no site header or footer, compact, fits its height"
        />
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          The embedded view has an “Open in full app” link. The iframe snippet below includes it either way;
          the server that hosts this app must allow your KB site to frame it (see “Hosting” in the README).
        </Typography>
        <TextField
          fullWidth
          label="Link text (for the link and Markdown snippets)"
          value={linkText}
          onChange={(e) => setCustomText(e.target.value)}
          sx={{ mt: 3 }}
        />
      </Section>

      <Section title="Preview">
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          The page as the embedded view shows it. Opening it here is real: a link with answers or an example
          replaces the wizard answers and pastes saved in this browser.
        </Typography>
        <Box
          component="iframe"
          // A new frame for each link: changing only the fragment of a live frame would add entries to this
          // tab's history (Back would step through previews) and could race the frame's own redirects.
          key={previewUrl}
          ref={frame}
          src={previewUrl}
          title={`Preview: ${title}`}
          data-testid="link-preview"
          sx={{
            display: 'block',
            width: '100%',
            height: previewHeight,
            border: 1,
            borderColor: 'divider',
            borderRadius: 1,
            bgcolor: 'background.paper',
          }}
        />
      </Section>

      <Section title="3. Copy the link or a snippet">
        <CopyableCode code={url} language="Link" label="the link" />
        <Link
          href={url}
          target="_blank"
          rel="noopener"
          sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, minHeight: 24 }}
        >
          Open the link in a new tab
          <OpenInNew fontSize="inherit" aria-hidden />
        </Link>
        <Typography variant="h3" sx={{ mt: 3 }}>
          HTML link
        </Typography>
        <CopyableCode code={anchorSnippet(url, linkText)} language="HTML" label="link snippet" />
        <Typography variant="h3" sx={{ mt: 3 }}>
          HTML iframe
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Always the embedded view. The script sets the iframe’s height to fit the page inside it (it listens
          for
          <code> {HEIGHT_MESSAGE_TYPE} </code> messages from the frame); without it the iframe keeps its
          480-pixel height and scrolls.
        </Typography>
        <CopyableCode code={iframeSnippet(previewUrl, title)} language="HTML" label="iframe snippet" />
        <Typography variant="h3" sx={{ mt: 3 }}>
          Markdown
        </Typography>
        <CopyableCode code={markdownSnippet(url, linkText)} language="markdown" label="Markdown link" />
      </Section>
    </>
  );
}
