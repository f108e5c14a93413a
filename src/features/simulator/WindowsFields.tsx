import { useState } from 'react';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  SIM_PROTOCOLS,
  type ProtocolSetting,
  type SimProtocol,
  type WindowsConfig,
} from '@/engine/simulator/types';
import { FieldGroup, SelectField, TextInput } from './fields';
import { PROTOCOL_SETTING_LABELS, suitesFromText, windowsChoices } from './labels';

const SETTINGS: ProtocolSetting[] = ['default', 'enabled', 'disabled'];

const FIX_OPTIONS = [
  { value: 'auto', label: 'Automatic (from the build)' },
  { value: 'yes', label: 'Installed' },
  { value: 'no', label: 'Not installed' },
] as const;

/** The Windows half of a side: version, SCHANNEL keys, cipher-suite order, leading-zero fix. */
export function WindowsFields({
  idPrefix,
  role,
  windows,
  onChange,
}: {
  idPrefix: string;
  role: 'server' | 'client';
  windows: WindowsConfig;
  onChange: (next: WindowsConfig) => void;
}) {
  const choices = windowsChoices(role);
  const known = choices.some((c) => c.build === windows.build);
  const options = [
    ...(known ? [] : [{ value: String(windows.build), label: `Build ${windows.build}` }]),
    ...choices.map((c) => ({ value: String(c.build), label: c.label })),
  ];
  const keyName = role === 'server' ? 'Server' : 'Client';
  // The pasted list is kept as typed; the side gets the suites read from it.
  const [suiteText, setSuiteText] = useState(() => (windows.cipherOrder ?? []).join('\n'));
  const ownOrder = windows.cipherOrder !== null;
  const set = (patch: Partial<WindowsConfig>) => onChange({ ...windows, ...patch });

  return (
    <>
      <SelectField
        id={`${idPrefix}-windows`}
        label="Windows version"
        hint={`The ${role === 'server' ? 'SQL Server' : 'client'} machine's Windows (winver or Get-ComputerInfo).`}
        value={String(windows.build)}
        options={options}
        onChange={(v) => set({ build: Number(v) })}
      />
      <TextInput
        id={`${idPrefix}-ubr`}
        label="Update revision (UBR), if known"
        hint="The last part of the full build, e.g. 3542 in 14393.3542. Leave empty if you do not know."
        value={windows.ubr === null ? '' : String(windows.ubr)}
        inputMode="numeric"
        onChange={(v) => {
          const digits = v.replace(/\D/g, '').slice(0, 6);
          set({ ubr: digits === '' ? null : Number(digits) });
        }}
      />
      <FieldGroup
        legend={`SCHANNEL protocols (${keyName} keys)`}
        hint={`HKLM\\…\\SCHANNEL\\Protocols\\<version>\\${keyName}. “Default”: no key, Windows decides.`}
      >
        <Box
          sx={{
            display: 'grid',
            gap: 1.5,
            gridTemplateColumns: 'repeat(auto-fill, minmax(min(150px, 100%), 1fr))',
          }}
        >
          {SIM_PROTOCOLS.map((p: SimProtocol) => (
            <SelectField
              key={p}
              id={`${idPrefix}-proto-${p.replace(/\W/g, '')}`}
              label={p}
              value={windows.protocols[p]}
              options={SETTINGS.map((s) => ({ value: s, label: PROTOCOL_SETTING_LABELS[s] }))}
              onChange={(v) => set({ protocols: { ...windows.protocols, [p]: v } })}
            />
          ))}
        </Box>
      </FieldGroup>
      <FieldGroup legend="Cipher-suite order">
        <RadioGroup
          aria-label="Cipher-suite order"
          value={ownOrder ? 'own' : 'default'}
          onChange={(e) => set({ cipherOrder: e.target.value === 'own' ? suitesFromText(suiteText) : null })}
        >
          <FormControlLabel
            value="default"
            control={<Radio />}
            label="This Windows version's default order"
          />
          <FormControlLabel
            value="own"
            control={<Radio />}
            label="A list I paste (Get-TlsCipherSuite or Functions)"
          />
        </RadioGroup>
        {ownOrder && (
          <>
            <TextField
              id={`${idPrefix}-suites`}
              label="Enabled cipher suites, in order"
              multiline
              minRows={3}
              maxRows={10}
              value={suiteText}
              onChange={(e) => {
                setSuiteText(e.target.value);
                set({ cipherOrder: suitesFromText(e.target.value) });
              }}
              helperText={`Paste the output of Get-TlsCipherSuite or the Functions registry value, or one name per line. ${windows.cipherOrder?.length ?? 0} suites read.`}
              slotProps={{ htmlInput: { spellCheck: false }, inputLabel: { shrink: true } }}
              sx={{ '& textarea': { fontFamily: 'ui-monospace, Consolas, monospace', fontSize: '0.8rem' } }}
            />
            {windows.cipherOrder?.length === 0 && (
              <Typography variant="body2" color="warning.main">
                No suite names (TLS_…) found yet: an empty list means this machine offers no suite at all.
              </Typography>
            )}
          </>
        )}
      </FieldGroup>
      <SelectField
        id={`${idPrefix}-leading-zero`}
        label="DHE leading-zero fix (KB4557473)"
        hint="Windows updates from 2019-2020 fix the occasional DHE key with a leading zero byte."
        value={windows.leadingZeroFix === null ? 'auto' : windows.leadingZeroFix ? 'yes' : 'no'}
        options={FIX_OPTIONS}
        onChange={(v) => set({ leadingZeroFix: v === 'auto' ? null : v === 'yes' })}
      />
    </>
  );
}
