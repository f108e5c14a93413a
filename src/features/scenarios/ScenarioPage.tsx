import { useParams } from 'react-router';
import Typography from '@mui/material/Typography';
import { EmptyState } from '@/components/EmptyState';
import { PageHeading } from '@/components/PageHeading';
import { useDocumentTitle } from '@/components/useDocumentTitle';

export default function ScenarioPage() {
  const { scenarioId = '' } = useParams();
  useDocumentTitle(`Scenario ${scenarioId}`);
  return (
    <>
      <PageHeading>Scenario: {scenarioId}</PageHeading>
      <EmptyState title="Scenario pages arrive with the wizard release">
        <Typography>The steps to confirm and fix this scenario will be shown here.</Typography>
      </EmptyState>
    </>
  );
}
