import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { PathStep } from '@/engine/wizard/walk';
import { RouterLink } from '@/components/RouterLink';
import { visuallyHidden } from '@/components/visuallyHidden';
import { paths } from '@/config/paths';

/**
 * "Your answers so far": the path actually taken, each with a Change link. Changing an answer drops only
 * the answers that depended on it (the store prunes abandoned branches).
 */
export function AnswersSoFar({ steps, currentId }: { steps: PathStep[]; currentId?: string }) {
  if (steps.length === 0) return null;
  return (
    <Box component="section" aria-labelledby="answers-so-far" sx={{ mt: 5 }}>
      <Typography id="answers-so-far" variant="h2" component="h2" sx={{ fontSize: '1.1rem', mb: 1 }}>
        Your answers so far
      </Typography>
      <Box component="ol" sx={{ m: 0, pl: 0, listStyle: 'none' }}>
        {steps.map(({ question, answer }) => (
          <Box
            component="li"
            key={question.id}
            aria-current={question.id === currentId ? 'step' : undefined}
            sx={{
              display: 'grid',
              gridTemplateColumns: { xs: '1fr auto', sm: '1fr 1fr auto' },
              gap: { xs: 0.5, sm: 2 },
              py: 1,
              borderBottom: 1,
              borderColor: 'divider',
            }}
          >
            <Typography variant="body2" color="text.secondary">
              {question.title}
            </Typography>
            <Typography variant="body2" sx={{ fontWeight: 600, gridRow: { xs: 2, sm: 'auto' } }}>
              {answer.label}
            </Typography>
            <Link
              component={RouterLink}
              to={paths.wizardStep.href(question.id)}
              variant="body2"
              sx={{ alignSelf: 'start', minHeight: 24, display: 'inline-flex', alignItems: 'center' }}
            >
              Change<Box component="span" sx={visuallyHidden}>{` your answer to: ${question.title}`}</Box>
            </Link>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
