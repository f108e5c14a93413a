import Typography from '@mui/material/Typography';
import { EmptyState } from '@/components/EmptyState';
import { PageHeading } from '@/components/PageHeading';
import { useDocumentTitle } from '@/components/useDocumentTitle';

export default function ScenariosPage() {
  useDocumentTitle('Scenarios');
  return (
    <>
      <PageHeading>Scenarios</PageHeading>
      <EmptyState title="The scenario list arrives with the wizard release">
        <Typography>Each known cause of the 10054 handshake reset will be listed here.</Typography>
      </EmptyState>
    </>
  );
}
