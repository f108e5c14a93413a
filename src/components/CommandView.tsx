import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { CommandBlock } from '@/engine/knowledge/types';
import { fillCommand, tokenName } from '@/engine/powershell/quote';
import { CopyableCode } from './CopyableCode';

const WHERE: Record<CommandBlock['where'], string> = {
  server: 'Run on the SQL Server machine',
  client: 'Run on the client machine',
  both: 'Run on the client and the server',
};

/**
 * A knowledge-base command: what it does, whether it changes anything, where and how to run it, with any
 * values the user can edit (validated; an invalid value gives no command and says why).
 */
export function CommandView({
  command,
  initialValues = {},
}: {
  command: CommandBlock;
  /** values known from the user's pastes, by parameter token ("{{thumbprint}}") or bare name ("thumbprint") */
  initialValues?: Record<string, string>;
}) {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      (command.parameters ?? []).map((p) => [
        p.token,
        initialValues[p.token] ?? initialValues[tokenName(p.token)] ?? p.defaultValue,
      ]),
    ),
  );
  const filled = fillCommand(command, values);
  return (
    <Box sx={{ my: 2 }}>
      <Typography variant="subtitle2" component="p" sx={{ fontWeight: 700 }}>
        {command.title}
      </Typography>
      {command.parameters && command.parameters.length > 0 && (
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', my: 1 }} className="no-print">
          {command.parameters.map((p) => (
            <TextField
              key={p.token}
              size="small"
              label={p.label}
              value={values[p.token] ?? ''}
              onChange={(e) => setValues((v) => ({ ...v, [p.token]: e.target.value }))}
              slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off' } }}
              sx={{ minWidth: 260, flexGrow: 1 }}
            />
          ))}
        </Box>
      )}
      {filled.ok ? (
        <CopyableCode
          code={filled.code}
          language={command.language}
          label={command.title}
          expectedOutput={command.expectedOutput}
          header={
            <>
              {command.changesSystem ? (
                <Chip size="small" color="warning" variant="outlined" label="Changes configuration" />
              ) : (
                <Chip size="small" color="success" variant="outlined" label="Read-only" />
              )}
              {command.runAsAdministrator && (
                <Chip size="small" variant="outlined" label="Run as administrator" />
              )}
              <Typography variant="caption" color="text.secondary">
                {WHERE[command.where]}
              </Typography>
            </>
          }
        />
      ) : (
        <Alert severity="error" sx={{ my: 1 }}>
          No command shown: {filled.reason}
        </Alert>
      )}
      {command.requires && (
        <Typography variant="body2" color="text.secondary">
          Needs: {command.requires}
        </Typography>
      )}
      {command.readResult && (
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          {command.readResult}
        </Typography>
      )}
    </Box>
  );
}
