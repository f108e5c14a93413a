import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutlined from '@mui/icons-material/ErrorOutlined';
import InfoOutlined from '@mui/icons-material/InfoOutlined';
import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import type { StepStatus } from '@/engine/simulator/types';

const COLOR = { ok: 'success.main', fail: 'error.main', warn: 'warning.main', info: 'info.main' } as const;

/** A status icon; always decorative: the status is also said in words next to it. */
export function StatusIcon({
  status,
  fontSize = 'small',
}: {
  status: StepStatus;
  fontSize?: 'small' | 'medium';
}) {
  const sx = { color: COLOR[status], flexShrink: 0 };
  if (status === 'ok') return <CheckCircleOutlined aria-hidden fontSize={fontSize} sx={sx} />;
  if (status === 'fail') return <ErrorOutlined aria-hidden fontSize={fontSize} sx={sx} />;
  if (status === 'warn') return <WarningAmberOutlined aria-hidden fontSize={fontSize} sx={sx} />;
  return <InfoOutlined aria-hidden fontSize={fontSize} sx={sx} />;
}
