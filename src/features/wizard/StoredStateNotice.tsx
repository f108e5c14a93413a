import Alert from '@mui/material/Alert';
import { useWizardStore } from '@/store/wizardStore';

/** Tells the user, once, that saved progress could not be used (corrupt or from an older version). */
export function StoredStateNotice() {
  const notice = useWizardStore((s) => s.notice);
  const dismiss = useWizardStore((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <Alert severity="warning" onClose={dismiss} sx={{ mb: 3 }}>
      {notice} You can start again from the first question.
    </Alert>
  );
}
