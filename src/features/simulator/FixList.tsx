import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { ALL_COMMANDS } from '@/engine/knowledge';
import type { FixOption, RiskLevel } from '@/engine/simulator/types';
import { CommandView } from '@/components/CommandView';
import { CopyableCode } from '@/components/CopyableCode';
import { RISK_LABELS, outcomeTitle } from './labels';

const RISK_COLOR: Record<RiskLevel, 'success' | 'warning' | 'error'> = {
  low: 'success',
  medium: 'warning',
  high: 'error',
};

const commandById = new Map(ALL_COMMANDS.map((c) => [c.id, c]));

function afterText(fix: FixOption): string {
  const r = fix.result;
  if (r.outcome === 'success') {
    return `Afterwards the connection works${r.protocol ? ` with ${r.protocol}` : ''}${r.suite ? ` and ${r.suite}` : ''}.`;
  }
  return `Afterwards: ${outcomeTitle(r.outcome)}.`;
}

/** Config text for changes without a command: openssl.cnf lines are "ini", connection strings plain text. */
const configLanguage = (text: string) =>
  /^\s*\[|=\s*\S/m.test(text) && !/;\s*\w+=/.test(text) ? 'ini' : 'text';

/**
 * The smallest sets of changes that make the simulated connection work, safest first, each with its
 * reasons, the knowledge base's commands (or config text) and an Apply button that tries it here.
 */
export function FixList({
  fixes,
  onApply,
}: {
  fixes: FixOption[];
  onApply: (fix: FixOption, index: number) => void;
}) {
  if (fixes.length === 0) {
    return (
      <Typography sx={{ mt: 2 }}>
        No change within the simulator&apos;s reach makes this connection work. Check the assumptions above,
        or open the scenario page for the manual steps.
      </Typography>
    );
  }
  return (
    <Box
      component="ol"
      sx={{
        p: 0,
        m: 0,
        mt: 2,
        display: 'grid',
        gridTemplateColumns: 'minmax(0, 1fr)',
        gap: 2,
        listStyle: 'none',
      }}
      aria-label="Fixes, safest first"
    >
      {fixes.map((fix, i) => {
        const headingId = `fix-${i}-heading`;
        // Commands with the values this fix needs (protocol, suite...); older results carry only ids.
        const planned = fix.commands?.length
          ? fix.commands
          : fix.commandIds.map((id) => ({ id, params: {} }));
        const commands = planned.flatMap((planned) => {
          const command = commandById.get(planned.id);
          return command ? [{ command, params: planned.params }] : [];
        });
        return (
          <Paper
            key={`${i}-${fix.descriptions.join('|')}`}
            component="li"
            variant="outlined"
            aria-labelledby={headingId}
            sx={{ p: { xs: 1.5, sm: 2 } }}
            data-testid="sim-fix"
          >
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 0.5 }}>
              <Typography id={headingId} variant="h3" component="h3">
                {fix.descriptions.length === 1
                  ? `Fix ${i + 1}: ${fix.descriptions[0]}`
                  : `Fix ${i + 1}: ${fix.descriptions.length} changes together`}
              </Typography>
              <Chip
                size="small"
                variant="outlined"
                color={RISK_COLOR[fix.risk]}
                label={RISK_LABELS[fix.risk]}
              />
            </Box>
            {fix.descriptions.length > 1 && (
              <Box component="ul" sx={{ pl: 3, my: 0.5 }}>
                {fix.descriptions.map((d) => (
                  <Typography component="li" key={d}>
                    {d}
                  </Typography>
                ))}
              </Box>
            )}
            <Typography sx={{ mt: 0.5 }}>
              <strong>Why this rank:</strong> {fix.why}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              {afterText(fix)}
            </Typography>
            <Button
              variant="contained"
              sx={{ mt: 1.5 }}
              onClick={() => onApply(fix, i)}
              aria-describedby={headingId}
            >
              Apply fix {i + 1} to this setup
            </Button>
            {(commands.length > 0 || fix.configText.length > 0) && (
              <Box
                component="details"
                sx={{ mt: 1.5, '& > summary': { cursor: 'pointer', fontWeight: 600 } }}
              >
                <Typography component="summary">
                  How to make {fix.descriptions.length === 1 ? 'this change' : 'these changes'} for real (
                  {commands.length + fix.configText.length}{' '}
                  {commands.length + fix.configText.length === 1 ? 'block' : 'blocks'})
                </Typography>
                {commands.map(({ command, params }, j) => (
                  <CommandView key={`${j}-${command.id}`} command={command} initialValues={params} />
                ))}
                {fix.configText.map((text, j) => (
                  <CopyableCode
                    key={j}
                    code={text}
                    language={configLanguage(text)}
                    label={`${fix.descriptions[j] ?? fix.descriptions[0] ?? 'Configuration'} (fix ${i + 1})`}
                  />
                ))}
              </Box>
            )}
          </Paper>
        );
      })}
    </Box>
  );
}
