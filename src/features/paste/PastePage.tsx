import Typography from '@mui/material/Typography';
import { EmptyState } from '@/components/EmptyState';
import { PageHeading } from '@/components/PageHeading';
import { useDocumentTitle } from '@/components/useDocumentTitle';

export default function PastePage() {
  useDocumentTitle('Paste what you have');
  return (
    <>
      <PageHeading>Paste what you have</PageHeading>
      <EmptyState title="Analysis arrives with the parsers and diagnosis releases">
        <Typography>
          This page will read error text, registry dumps, cipher-suite lists, certificates, ERRORLOG lines and
          packet captures, and show what it found. It is not built yet.
        </Typography>
      </EmptyState>
    </>
  );
}
