import { useEffect } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import ArrowBack from '@mui/icons-material/ArrowBack';
import { flow, getQuestion, resolveQuestionId } from '@/engine/knowledge';
import { walk } from '@/engine/wizard/walk';
import { PageHeading } from '@/components/PageHeading';
import { RouterLink } from '@/components/RouterLink';
import { useDocumentTitle } from '@/components/useDocumentTitle';
import { paths } from '@/config/paths';
import { useWizardStore } from '@/store/wizardStore';
import { AnswersSoFar } from './AnswersSoFar';
import { QuestionForm } from './QuestionForm';
import { StoredStateNotice } from './StoredStateNotice';

/**
 * The guided wizard. The URL names the question (#/wizard/<questionId>), so Back, reload and deep links
 * work; the store only holds the answers. #/wizard alone resumes where the answers lead.
 */
export default function WizardPage() {
  const { stepId } = useParams();
  const answers = useWizardStore((s) => s.answers);
  const knownFacts = useWizardStore((s) => s.knownFacts);
  const answer = useWizardStore((s) => s.answer);
  const startOver = useWizardStore((s) => s.startOver);
  const navigate = useNavigate();
  const path = walk(flow, answers);

  const resolvedId = stepId === undefined ? undefined : resolveQuestionId(stepId);
  const question = resolvedId === undefined ? undefined : getQuestion(resolvedId);
  useDocumentTitle(question ? question.title : stepId === undefined ? 'Guided wizard' : 'Question not found');

  useEffect(() => {
    if (stepId !== undefined && resolvedId !== undefined && resolvedId !== stepId) {
      // An old question id from a published link: go to where it lives now.
      navigate(paths.wizardStep.href(resolvedId), { replace: true });
    }
  }, [stepId, resolvedId, navigate]);

  if (stepId === undefined) {
    // Resume: the next unanswered question on the path, or the outcome the answers reached.
    if (path.outcome) return <Navigate to={paths.scenario.href(path.outcome)} replace />;
    return <Navigate to={paths.wizardStep.href(path.current?.id ?? flow.start)} replace />;
  }

  if (!question) {
    return (
      <>
        <PageHeading>Question not found</PageHeading>
        <Alert severity="warning" sx={{ mb: 3 }}>
          There is no question “{stepId}”. The link may be mistyped or from an older version of this tool.
        </Alert>
        <Button variant="contained" component={RouterLink} to={paths.wizardStep.href(flow.start)}>
          Start from the first question
        </Button>
      </>
    );
  }

  const index = path.steps.findIndex((s) => s.question.id === question.id);
  const onPath = index >= 0 || path.current?.id === question.id;
  const number = index >= 0 ? index + 1 : onPath ? path.steps.length + 1 : 1;
  const previous = index > 0 ? path.steps[index - 1] : index < 0 && onPath ? path.steps.at(-1) : undefined;

  function onContinue(answerId: string) {
    const chosen = question!.answers.find((a) => a.id === answerId);
    if (!chosen) return;
    answer(question!.id, answerId);
    navigate(
      'outcome' in chosen.next
        ? paths.scenario.href(chosen.next.outcome)
        : paths.wizardStep.href(chosen.next.question),
    );
  }

  return (
    <>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', mb: 2, gap: 2 }}>
        {previous ? (
          <Link
            component={RouterLink}
            to={paths.wizardStep.href(previous.question.id)}
            sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, minHeight: 24 }}
          >
            <ArrowBack fontSize="small" aria-hidden />
            Back
          </Link>
        ) : (
          <span />
        )}
        {path.steps.length > 0 && (
          <Button
            size="small"
            onClick={() => {
              startOver();
              navigate(paths.wizardStep.href(flow.start));
            }}
          >
            Start over
          </Button>
        )}
      </Box>
      <StoredStateNotice />
      {!onPath && (
        <Alert severity="info" sx={{ mb: 3 }}>
          You opened this question directly, so earlier questions were skipped.{' '}
          <Link component={RouterLink} to={paths.wizardStep.href(flow.start)}>
            Start from the first question
          </Link>{' '}
          to be guided all the way.
        </Alert>
      )}
      <QuestionForm
        key={question.id}
        question={question}
        number={number}
        savedAnswerId={answers[question.id]}
        knownFact={question.fact ? knownFacts[question.fact] : undefined}
        onContinue={onContinue}
      />
      <AnswersSoFar steps={path.steps} currentId={question.id} />
    </>
  );
}
