import Typography from '@mui/material/Typography';
import { EmptyState } from '@/components/EmptyState';
import { PageHeading } from '@/components/PageHeading';
import { useDocumentTitle } from '@/components/useDocumentTitle';

export default function WizardPage() {
  useDocumentTitle('Guided wizard');
  return (
    <>
      <PageHeading>Guided wizard</PageHeading>
      <EmptyState title="The questions arrive with the wizard release">
        <Typography>
          This page will ask one plain question at a time and lead you to the matching fix. It is not built
          yet.
        </Typography>
      </EmptyState>
    </>
  );
}
