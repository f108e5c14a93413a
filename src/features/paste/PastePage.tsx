import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import { decodeBytes } from '@/engine/input/decode';
import { announce } from '@/components/announce';
import { PageHeading } from '@/components/PageHeading';
import { useDocumentTitle } from '@/components/useDocumentTitle';
import {
  CaptureList,
  HowToCapture,
  cipherListsFrom,
  isCaptureFile,
  useCaptureStore,
} from '@/features/capture';
import { paths } from '@/config/paths';
import { usePasteStore } from '@/store/pasteStore';
import { getSample } from '@/engine/samples/samples';
import { decodeShare } from '@/store/shareLink';
import { useWizardStore } from '@/store/wizardStore';
import { CollectorPanel } from './CollectorPanel';
import { Examples } from './Examples';
import { ExportBar } from './ExportBar';
import { InputCard } from './InputCard';
import { useAnalyses } from './useAnalyses';
import { useDiagnosis } from './useDiagnosis';
import { VerdictPanel } from './VerdictPanel';

// Text files are read whole into the page; captures are streamed by a worker and have no such limit.
const MAX_FILE_BYTES = 250 * 1024 * 1024;

/** "Paste what you have": text or files in, each shown with what was detected and the evidence. */
export default function PastePage() {
  useDocumentTitle('Paste what you have');
  const { inputs, addText, addBinary, remove, clear, notice, dismissNotice } = usePasteStore();
  const analyses = useAnalyses(inputs);
  const { diagnosis, values, inputTexts } = useDiagnosis(inputs, analyses);
  const captureCount = useCaptureStore((s) => s.captures.length);
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const shareStatus = usePasteStore((s) => s.banner);
  const setShareStatus = usePasteStore((s) => s.setBanner);
  const shareToken = searchParams.get('share');
  const sampleId = searchParams.get('sample');

  // Opening an example (#/paste?sample=<id>, from the list below or a KB page): it replaces the pastes.
  useEffect(() => {
    if (sampleId === null) return;
    const sample = getSample(sampleId);
    if (sample) {
      usePasteStore.getState().replaceAll(sample.inputs.map((i) => ({ source: i.source, text: i.text })));
      useWizardStore.setState({ answers: { ...(sample.answers ?? {}) } });
      usePasteStore.getState().setBanner({ ok: true, text: `Loaded the example “${sample.title}”.` });
    } else {
      usePasteStore.getState().setBanner({
        ok: false,
        text: `There is no example called “${sampleId}”; the link may be from an older version.`,
      });
    }
    navigate(paths.paste.href(), { replace: true });
  }, [sampleId, navigate]);

  // Opening a share link: its pastes and answers replace the current ones, then the link is tidied away.
  useEffect(() => {
    if (shareToken === null) return;
    const decoded = decodeShare(shareToken);
    if (decoded.ok) {
      usePasteStore.getState().replaceAll(decoded.payload.inputs);
      useWizardStore.setState({ answers: decoded.payload.answers });
      usePasteStore.getState().setBanner({
        ok: true,
        text: `Opened a shared analysis: ${decoded.payload.inputs.length} paste${decoded.payload.inputs.length === 1 ? '' : 's'}.`,
      });
    } else {
      usePasteStore.getState().setBanner({ ok: false, text: `${decoded.reason} Nothing was changed.` });
    }
    navigate(paths.paste.href(), { replace: true });
  }, [shareToken, navigate]);
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState(false);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);

  function addDraft() {
    if (!draft.trim()) {
      setDraftError(true);
      textArea.current?.focus();
      return;
    }
    addText(draft);
    setDraft('');
    setDraftError(false);
    announce('Paste added and analysed.');
  }

  async function addFiles(files: FileList | File[]) {
    for (const file of Array.from(files)) {
      // Captures are read in a Web Worker, streamed from the File: never loaded whole into the page.
      if (await isCaptureFile(file)) {
        useCaptureStore.getState().addCaptureFile(file);
        continue;
      }
      if (file.size > MAX_FILE_BYTES) {
        addBinary(
          file.name,
          'too-large',
          `This file is ${(file.size / 1048576).toFixed(0)} MB; the limit is 250 MB.`,
        );
        continue;
      }
      const decoded = decodeBytes(new Uint8Array(await file.arrayBuffer()), file.name);
      if (decoded.type === 'text') {
        const note =
          decoded.note ??
          (decoded.encoding !== 'utf-8' ? `Read as ${decoded.encoding.toUpperCase()} text.` : undefined);
        addText(decoded.text, file.name, note);
      } else {
        addBinary(file.name, decoded.binaryKind, decoded.message);
      }
    }
    announce(`${files.length === 1 ? 'File' : `${files.length} files`} added.`);
  }

  // Paste anywhere on the page (outside a text field) adds the clipboard text as a new input.
  useEffect(() => {
    function onPaste(event: ClipboardEvent) {
      const target = event.target as HTMLElement | null;
      if (target && target.closest('input, textarea, [contenteditable="true"]') !== null) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (text.trim()) {
        event.preventDefault();
        usePasteStore.getState().addText(text);
        announce('Paste added and analysed.');
      }
    }
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    if (event.dataTransfer.files.length) void addFiles(event.dataTransfer.files);
    else {
      const text = event.dataTransfer.getData('text/plain');
      if (text.trim()) addText(text);
    }
  }

  return (
    <Box
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <PageHeading>Paste what you have</PageHeading>
      <Typography sx={{ mb: 1 }}>
        Paste an error message, registry output of the SCHANNEL keys, a cipher-suite list, a certificate,
        ERRORLOG lines, Schannel events or <code>SELECT @@VERSION</code> output, or drop files here. Several
        things in one paste are fine: each part is recognised on its own.
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Everything is read in this browser tab; nothing is sent anywhere. Do not paste passwords or private
        keys.
      </Typography>
      {shareStatus && (
        <Alert
          severity={shareStatus.ok ? 'success' : 'error'}
          onClose={() => setShareStatus(null)}
          sx={{ mb: 2 }}
        >
          {shareStatus.text}
        </Alert>
      )}
      {notice && (
        <Alert severity="warning" onClose={dismissNotice} sx={{ mb: 2 }}>
          {notice}
        </Alert>
      )}
      <Box
        sx={{
          border: 2,
          borderStyle: 'dashed',
          borderColor: dragging ? 'primary.main' : 'divider',
          borderRadius: 2,
          p: 2,
          bgcolor: dragging ? 'action.hover' : 'transparent',
        }}
      >
        <TextField
          inputRef={textArea}
          label="Paste text here"
          multiline
          // a plain textarea of fixed height, not MUI's self-sizing one: that one copies the whole text into a
          // hidden copy and measures it after every change of the page, which with a long paste in the field
          // took longer than reading the paste
          rows={inputs.length > 0 ? 3 : 8}
          fullWidth
          value={draft}
          error={draftError}
          helperText={
            draftError
              ? 'Paste some text first, or choose a file.'
              : 'Tip: you can also paste anywhere on this page.'
          }
          onChange={(e) => {
            setDraft(e.target.value);
            if (draftError) setDraftError(false);
          }}
          slotProps={{
            input: { inputComponent: 'textarea' },
            htmlInput: { spellCheck: false, 'data-testid': 'paste-input' },
          }}
          sx={{
            '& textarea': {
              fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
              fontSize: '0.85rem',
              // a fixed height, but the user may drag it taller
              resize: 'vertical',
            },
          }}
        />
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 1.5, alignItems: 'center' }}>
          <Button variant="contained" onClick={addDraft}>
            Analyze
          </Button>
          <Button
            variant="outlined"
            startIcon={<UploadFileOutlined />}
            onClick={() => fileInput.current?.click()}
          >
            Choose files
          </Button>
          <input
            ref={fileInput}
            type="file"
            multiple
            hidden
            aria-label="Choose files to analyze"
            onChange={(e) => {
              if (e.target.files?.length) void addFiles(e.target.files);
              e.target.value = '';
            }}
          />
          <Typography variant="body2" color="text.secondary">
            or drag files onto this box (.txt, .log, .reg, .cer, .crt, .pem, ERRORLOG, .pcap, .pcapng)
          </Typography>
        </Box>
      </Box>
      <CollectorPanel />
      {captureCount === 0 && <HowToCapture level={2} />}
      <CaptureList cipherLists={cipherListsFrom(diagnosis)} />
      {inputs.length === 0 && <Examples />}
      {diagnosis && (
        <Box sx={{ mt: 4 }}>
          <VerdictPanel diagnosis={diagnosis} inputTexts={inputTexts} values={values} />
          <ExportBar inputs={inputs} analyses={analyses} diagnosis={diagnosis} values={values} />
        </Box>
      )}
      {inputs.length > 0 && (
        <Box sx={{ mt: 4 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', mb: 1 }}>
            <Typography variant="h2" component="h2" sx={{ flexGrow: 1 }}>
              What you gave us
            </Typography>
            <Button color="inherit" onClick={clear}>
              Remove all
            </Button>
          </Box>
          {inputs.map((input) => (
            <InputCard
              key={input.id}
              input={input}
              analysis={analyses[input.id]}
              onRemove={() => remove(input.id)}
            />
          ))}
        </Box>
      )}
    </Box>
  );
}
