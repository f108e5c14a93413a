import { useLocation } from 'react-router';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { PageHeading } from '@/components/PageHeading';
import { RouterLink } from '@/components/RouterLink';
import { useDocumentTitle } from '@/components/useDocumentTitle';
import { paths } from '@/config/paths';

export default function NotFoundPage() {
  const { pathname } = useLocation();
  useDocumentTitle('Page not found');
  return (
    <>
      <PageHeading>Page not found</PageHeading>
      <Typography sx={{ mb: 3 }}>
        There is no page at <code>{pathname}</code>. The link may be mistyped or from an older version.
      </Typography>
      <Button variant="contained" component={RouterLink} to={paths.home.href()}>
        Go to the start page
      </Button>
    </>
  );
}
