import { useEffect, useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import type { Question } from '@/engine/knowledge/types';
import type { KnownFact } from '@/store/wizardStore';
import { CommandView } from '@/components/CommandView';
import { Paragraphs } from '@/components/Paragraphs';

interface QuestionFormProps {
  question: Question;
  /** 1-based position on the path; no total, because a branching path has no fixed length */
  number: number;
  savedAnswerId?: string;
  knownFact?: KnownFact;
  onContinue: (answerId: string) => void;
}

/**
 * One question per page: the question is the legend and the page's h1, the answers are large radio
 * choices, and nothing happens until Continue (no auto-advance). Continue without a choice shows an
 * error summary that takes focus and links to the choices, and prefixes the page title with "Error: ".
 */
export function QuestionForm({ question, number, savedAnswerId, knownFact, onContinue }: QuestionFormProps) {
  const factAnswer =
    knownFact && question.answers.some((a) => a.id === knownFact.value) ? knownFact : undefined;
  const [selected, setSelected] = useState<string>(savedAnswerId ?? factAnswer?.value ?? '');
  const [error, setError] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const groupName = `answer-${question.id}`;

  useEffect(() => {
    // Focus the question heading on arrival, so screen readers start at the question. In a frame (embedded
    // on a KB page, or the link builder's preview) only once the visitor uses the frame: focusing on load
    // would scroll the host page to the frame and take focus away from what the visitor was doing there.
    if (window.parent !== window && !document.hasFocus()) return;
    headingRef.current?.focus();
  }, [question.id]);

  useEffect(() => {
    const base = document.title.replace(/^Error: /, '');
    document.title = error ? `Error: ${base}` : base;
  }, [error]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!selected) {
      setError(true);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setError(false);
    onContinue(selected);
  }

  return (
    <Box component="form" onSubmit={submit} noValidate>
      {error && (
        <Alert
          severity="error"
          ref={summaryRef}
          tabIndex={-1}
          role="alert"
          aria-labelledby="error-summary-title"
          sx={{ mb: 3 }}
        >
          <Typography id="error-summary-title" component="h2" sx={{ fontWeight: 700 }}>
            There is a problem
          </Typography>
          <Link
            href={`#${groupName}-0`}
            onClick={(e) => {
              e.preventDefault();
              document.getElementById(`${groupName}-0`)?.focus();
            }}
          >
            Choose an answer to continue
          </Link>
        </Alert>
      )}
      <Box
        component="fieldset"
        sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}
        aria-describedby={`why-${question.id}`}
      >
        <Box component="legend" sx={{ p: 0, mb: 1 }}>
          <Typography variant="overline" component="span" color="text.secondary" sx={{ display: 'block' }}>
            Question {number}
          </Typography>
          <Typography
            variant="h1"
            component="h1"
            ref={headingRef}
            tabIndex={-1}
            sx={{ outline: 'none', fontSize: { xs: '1.6rem', sm: '2rem' } }}
          >
            {question.title}
          </Typography>
        </Box>
        <Box id={`why-${question.id}`} sx={{ color: 'text.secondary', mb: 2 }}>
          <Typography component="span" sx={{ fontWeight: 700 }}>
            Why we ask:{' '}
          </Typography>
          {question.why}
        </Box>
        {factAnswer && (
          <Alert severity="info" sx={{ mb: 2 }}>
            Pre-selected {factAnswer.source}. Choose another answer if it is wrong.
          </Alert>
        )}
        {error && (
          <Typography color="error" sx={{ fontWeight: 600, mb: 1 }} id={`${groupName}-error`}>
            Choose an answer to continue
          </Typography>
        )}
        <RadioGroup
          name={groupName}
          value={selected}
          onChange={(e) => {
            setSelected(e.target.value);
            setError(false);
          }}
          aria-describedby={error ? `${groupName}-error` : undefined}
          sx={{ gap: 1 }}
        >
          {question.answers.map((answer, index) => (
            <FormControlLabel
              key={answer.id}
              value={answer.id}
              control={
                <Radio
                  id={`${groupName}-${index}`}
                  slotProps={{
                    input: {
                      // The name is the answer itself; the hint is read as its description.
                      'aria-label': answer.label,
                      'aria-describedby': answer.hint ? `${groupName}-${index}-hint` : undefined,
                    },
                  }}
                />
              }
              label={
                <Box sx={{ py: 0.75 }}>
                  <Typography sx={{ fontWeight: 600 }}>{answer.label}</Typography>
                  {answer.hint && (
                    <Typography variant="body2" color="text.secondary" id={`${groupName}-${index}-hint`}>
                      {answer.hint}
                    </Typography>
                  )}
                </Box>
              }
              sx={{
                m: 0,
                pr: 2,
                border: 1,
                borderRadius: 1,
                borderColor: selected === answer.id ? 'primary.main' : 'divider',
                bgcolor: selected === answer.id ? 'action.selected' : 'transparent',
                alignItems: 'flex-start',
                '& .MuiRadio-root': { mt: 0.5 },
              }}
            />
          ))}
        </RadioGroup>
      </Box>
      {question.howToFind && (
        <Box
          component="details"
          sx={{ mt: 3, '& > summary': { cursor: 'pointer', fontWeight: 600, py: 0.5 } }}
        >
          <summary>How do I find out?</summary>
          <Box sx={{ pt: 1 }}>
            <Paragraphs text={question.howToFind.body} />
            {question.howToFind.commands?.map((command) => (
              <CommandView key={command.id} command={command} />
            ))}
          </Box>
        </Box>
      )}
      <Button type="submit" variant="contained" size="large" sx={{ mt: 3 }}>
        Continue
      </Button>
    </Box>
  );
}
