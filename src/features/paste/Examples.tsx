import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { SAMPLES } from '@/engine/samples/samples';
import { RouterLink } from '@/components/RouterLink';
import { paths } from '@/config/paths';

/** "Try an example": each sample is a link (#/paste?sample=<id>), so KB pages can link to one too. */
export function Examples() {
  return (
    <Box component="details" sx={{ mt: 3, '& > summary': { cursor: 'pointer', fontWeight: 600, py: 0.5 } }}>
      <summary>Nothing to paste yet? Try an example</summary>
      <Typography variant="body2" color="text.secondary" sx={{ my: 1 }}>
        Each example is a realistic set of pastes for one cause, so you can see what the analysis shows.
      </Typography>
      <Box component="ul" sx={{ pl: 3, m: 0 }}>
        {SAMPLES.map((sample) => (
          <Typography component="li" variant="body2" key={sample.id} sx={{ mb: 0.5 }}>
            <Link component={RouterLink} to={`${paths.paste.href()}?sample=${encodeURIComponent(sample.id)}`}>
              {sample.title}
            </Link>
            {' – '}
            {sample.description}
          </Typography>
        ))}
      </Box>
    </Box>
  );
}
