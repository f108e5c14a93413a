import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';

/**
 * Small labelled controls shared by the two panels. Every control has a visible label and a short hint
 * (helper text, tied to it with aria-describedby by MUI); selects are native <select>s, which every
 * keyboard and screen reader knows.
 */

export function SelectField<T extends string>({
  label,
  hint,
  value,
  options,
  onChange,
  id,
}: {
  label: string;
  hint?: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  id: string;
}) {
  return (
    <TextField
      select
      id={id}
      label={label}
      value={value}
      helperText={hint}
      onChange={(e) => onChange(e.target.value as T)}
      size="small"
      fullWidth
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </TextField>
  );
}

export function TextInput({
  label,
  hint,
  value,
  onChange,
  id,
  error,
  inputMode,
  placeholder,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  id: string;
  /** shown instead of the hint when set */
  error?: string;
  inputMode?: 'text' | 'numeric' | 'decimal';
  placeholder?: string;
}) {
  return (
    <TextField
      id={id}
      label={label}
      value={value}
      error={Boolean(error)}
      helperText={error ?? hint}
      onChange={(e) => onChange(e.target.value)}
      size="small"
      fullWidth
      placeholder={placeholder}
      slotProps={{
        htmlInput: { spellCheck: false, autoComplete: 'off', inputMode },
        inputLabel: { shrink: true },
      }}
    />
  );
}

export function CheckField({
  label,
  hint,
  checked,
  onChange,
  id,
}: {
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  id: string;
}) {
  return (
    <Box>
      <FormControlLabel
        control={
          <Checkbox
            id={id}
            checked={checked}
            onChange={(e) => onChange(e.target.checked)}
            slotProps={{ input: hint ? { 'aria-describedby': `${id}-hint` } : {} }}
          />
        }
        label={label}
      />
      {hint && (
        <FormHelperText id={`${id}-hint`} sx={{ mt: -0.5, ml: 4 }}>
          {hint}
        </FormHelperText>
      )}
    </Box>
  );
}

/** A titled group of controls: a real fieldset with a legend. */
export function FieldGroup({
  legend,
  hint,
  children,
}: {
  legend: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mt: 2, minWidth: 0 }}>
      <Typography component="legend" variant="subtitle2" sx={{ fontWeight: 700, mb: 0.5, p: 0 }}>
        {legend}
      </Typography>
      {hint && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {hint}
        </Typography>
      )}
      <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 1.5 }}>{children}</Box>
    </Box>
  );
}

/** One side of the setup (Server or Client): a titled column of fields that may shrink on narrow screens. */
export function SidePanel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby={`${id}-heading`}
      sx={{
        p: { xs: 1.5, sm: 2 },
        display: 'grid',
        gridTemplateColumns: 'minmax(0, 1fr)',
        gap: 1.5,
        alignContent: 'start',
        minWidth: 0,
      }}
    >
      <Typography id={`${id}-heading`} variant="h3" component="h3">
        {title}
      </Typography>
      {children}
    </Paper>
  );
}
