import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { ResolutionStep, StepKind } from '@/engine/knowledge/types';
import { CommandView } from './CommandView';
import { Paragraphs } from './Paragraphs';

const KIND_LABEL: Record<StepKind, string> = {
  check: 'Check',
  fix: 'Change',
  restart: 'Restart',
  verify: 'Verify',
  undo: 'Undo',
  info: 'Note',
};

const KIND_COLOR: Record<StepKind, 'default' | 'success' | 'warning' | 'info' | 'error'> = {
  check: 'success',
  fix: 'warning',
  restart: 'error',
  verify: 'info',
  undo: 'default',
  info: 'default',
};

/** Numbered resolution steps. Changes and restarts show their warning before the step's commands. */
export function StepList({
  steps,
  start = 1,
  values,
}: {
  steps: ResolutionStep[];
  start?: number;
  values?: Record<string, string>;
}) {
  return (
    <Box component="ol" start={start} sx={{ pl: 3, m: 0 }}>
      {steps.map((step) => (
        <Box
          component="li"
          key={step.id}
          id={`step-${step.id}`}
          sx={{ mb: 3, '&::marker': { fontWeight: 700 } }}
        >
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 0.5 }}>
            <Typography variant="h3" component="h3">
              {step.title}
            </Typography>
            <Chip
              size="small"
              variant="outlined"
              color={KIND_COLOR[step.kind]}
              label={KIND_LABEL[step.kind]}
            />
          </Box>
          {step.warning && (
            <Alert severity="warning" sx={{ my: 1 }}>
              {step.warning}
            </Alert>
          )}
          <Paragraphs text={step.body} />
          {step.commands?.map((command) => (
            <CommandView key={command.id} command={command} initialValues={values} />
          ))}
        </Box>
      ))}
    </Box>
  );
}
