import { useState } from 'react';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { allOutcomes } from '@/engine/knowledge';
import { searchOutcomes } from '@/engine/knowledge/search';
import type { Outcome } from '@/engine/knowledge/types';
import { PageHeading } from '@/components/PageHeading';
import { RouterLink } from '@/components/RouterLink';
import { useDocumentTitle } from '@/components/useDocumentTitle';
import { paths } from '@/config/paths';

const GROUPS: { type: Outcome['type']; title: string }[] = [
  { type: 'scenario', title: 'The six causes of the handshake reset' },
  { type: 'related', title: 'Related situations' },
  { type: 'other-error', title: 'Different errors that look similar' },
  { type: 'escalate', title: 'When nothing matches' },
];

function OutcomeList({ items }: { items: Outcome[] }) {
  return (
    <Box component="ul" sx={{ p: 0, m: 0, display: 'grid', gap: 1.5 }}>
      {items.map((o) => (
        <Card component="li" variant="outlined" key={o.id} sx={{ listStyle: 'none' }}>
          <CardActionArea component={RouterLink} to={paths.scenario.href(o.id)}>
            <CardContent>
              <Typography variant="h3" component="h3" sx={{ mb: 0.5 }}>
                {o.type === 'scenario' ? `${o.articleNumber}. ` : ''}
                {o.title}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {o.summary}
              </Typography>
            </CardContent>
          </CardActionArea>
        </Card>
      ))}
    </Box>
  );
}

/** Every outcome, grouped; a search (error-text words, KB numbers, event ids) lists the best matches first. */
export default function ScenariosPage() {
  useDocumentTitle('Scenarios');
  const [query, setQuery] = useState('');
  const found = searchOutcomes(allOutcomes, query).map((hit) => hit.outcome);
  const searching = query.trim() !== '';
  return (
    <>
      <PageHeading>Scenarios</PageHeading>
      <Typography sx={{ mb: 2 }}>
        Every known cause of the reset, and the look-alike errors that need a different fix. Search by words
        from your error message, a KB number or a Schannel event id.
      </Typography>
      <TextField
        type="search"
        label="Search scenarios"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        fullWidth
        helperText="For example: paste the error message, or type 36874, KB3135244, certificate"
        slotProps={{ htmlInput: { 'aria-controls': 'scenario-results' } }}
      />
      <Typography role="status" variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {query
          ? `${found.length} of ${allOutcomes.length} match`
          : `${allOutcomes.length} scenarios and outcomes`}
      </Typography>
      <Box id="scenario-results">
        {searching
          ? found.length > 0 && (
              <Box component="section" aria-labelledby="best-matches" sx={{ mt: 3 }}>
                <Typography id="best-matches" variant="h2" component="h2" gutterBottom>
                  Best matches first
                </Typography>
                <OutcomeList items={found} />
              </Box>
            )
          : GROUPS.map(({ type, title }) => {
              const items = found.filter((o) => o.type === type);
              if (items.length === 0) return null;
              return (
                <Box component="section" key={type} aria-labelledby={`group-${type}`} sx={{ mt: 3 }}>
                  <Typography id={`group-${type}`} variant="h2" component="h2" gutterBottom>
                    {title}
                  </Typography>
                  <OutcomeList items={items} />
                </Box>
              );
            })}
        {found.length === 0 && (
          <Typography sx={{ mt: 3 }}>
            Nothing matches “{query}”. Try fewer words, or start the guided wizard.
          </Typography>
        )}
      </Box>
    </>
  );
}
