import { useEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { CaptureConnection, ClientHelloFacts, ServerHelloFacts } from '@/engine/capture';
import { analyzeText } from '@/engine/parsers';
import type { CertificateFacts } from '@/engine/parsers/certificate';
import { intersectSuites } from '@/engine/parsers/cipher-suites';
import { visuallyHidden } from '@/components/visuallyHidden';
import type { PastedCipherList } from './integration';
import { closeLines, endpoint, Direction } from './words';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: '0.8rem' };

function Facts({ rows }: { rows: [string, React.ReactNode][] }) {
  return (
    <Box
      component="dl"
      sx={{ display: 'grid', gridTemplateColumns: 'minmax(7rem, max-content) 1fr', gap: 0.5, m: 0 }}
    >
      {rows.map(([k, v]) => (
        <Box key={k} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" sx={{ fontWeight: 600 }}>
            {k}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, wordBreak: 'break-word' }}>
            {v}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

const list = (items: string[]) => (items.length ? items.join(', ') : 'none');

function ClientHelloView({ hello, chosen }: { hello: ClientHelloFacts | null; chosen: string | null }) {
  return (
    <Paper variant="outlined" component="section" sx={{ p: 1.5 }}>
      <Typography variant="h4" component="h4" sx={{ fontSize: '1rem', fontWeight: 650, mb: 1 }}>
        Client Hello{hello ? ` (frame ${hello.frame})` : ''}
      </Typography>
      {!hello ? (
        <Typography variant="body2">No Client Hello in the capture for this connection.</Typography>
      ) : (
        <>
          <Facts
            rows={[
              [
                'Versions offered',
                `${list(hello.versions)}${hello.versionsFrom === 'supported_versions' ? ' (supported_versions)' : ''}`,
              ],
              ['Server name (SNI)', hello.sni ?? 'not sent'],
              ['ALPN', list(hello.alpn)],
              ['Signature algorithms', list(hello.signatureAlgorithms)],
              ['Groups', list(hello.supportedGroups)],
            ]}
          />
          <Typography variant="body2" sx={{ fontWeight: 600, mt: 1 }}>
            Cipher suites offered ({hello.suiteNames.length})
          </Typography>
          <Box component="ol" sx={{ pl: 3, my: 0.5, ...mono }}>
            {hello.suiteNames.map((s) => (
              <li key={s}>
                {s === chosen ? (
                  <Box component="strong" sx={{ color: 'success.main' }}>
                    {s} (chosen by the server)
                  </Box>
                ) : (
                  s
                )}
              </li>
            ))}
          </Box>
        </>
      )}
    </Paper>
  );
}

function ServerHelloView({ hello }: { hello: ServerHelloFacts | null }) {
  return (
    <Paper variant="outlined" component="section" sx={{ p: 1.5 }}>
      <Typography variant="h4" component="h4" sx={{ fontSize: '1rem', fontWeight: 650, mb: 1 }}>
        Server Hello{hello ? ` (frame ${hello.frame})` : ''}
      </Typography>
      {!hello ? (
        <Typography variant="body2">
          No Server Hello: the server never answered the Client Hello with a choice of version and suite.
        </Typography>
      ) : (
        <Facts
          rows={[
            ['Version chosen', hello.version],
            [
              'Cipher suite chosen',
              <Box component="span" sx={mono} key="s">
                {hello.suite.name ?? hello.suite.hex}
                {hello.dhe ? ' (DHE)' : ''}
              </Box>,
            ],
            ['ALPN', hello.alpn ?? 'none'],
            ['Hello retry request', hello.helloRetryRequest ? 'yes' : 'no'],
          ]}
        />
      )}
    </Paper>
  );
}

function CertificateView({ connection }: { connection: CaptureConnection }) {
  const cert = connection.certificate;
  const [facts, setFacts] = useState<CertificateFacts | null | undefined>(undefined);
  useEffect(() => {
    if (!cert) return;
    let alive = true;
    void analyzeText(cert.leafPem).then((a) => {
      const part = a.parts.find((p) => p.kind === 'certificate');
      if (alive) setFacts(part ? (part.result.facts as CertificateFacts) : null);
    });
    return () => {
      alive = false;
    };
  }, [cert]);
  if (!cert) return null;
  return (
    <Box component="section" sx={{ mt: 2 }}>
      <Typography variant="h4" component="h4" sx={{ fontSize: '1rem', fontWeight: 650 }}>
        Server certificate (frame {cert.frame})
      </Typography>
      <Typography variant="body2">
        The server sent {cert.chainLength} certificate{cert.chainLength === 1 ? '' : 's'}; the first (its own)
        is {cert.leafLength} bytes.
      </Typography>
      {facts === undefined ? (
        <Typography variant="body2">Reading the certificate…</Typography>
      ) : facts === null || facts.signatureHash === null ? (
        <Typography variant="body2">Its signature algorithm could not be read.</Typography>
      ) : (
        <>
          <Typography variant="body2">
            Signature: {facts.signatureAlgorithmFriendlyName ?? facts.signatureAlgorithm} (hash{' '}
            {facts.signatureHash.toUpperCase()}){facts.subject ? `; subject ${facts.subject}` : ''}.
          </Typography>
          {facts.weakForSqlServer ? (
            <Alert severity="warning" variant="outlined" sx={{ mt: 1 }}>
              This signature hash breaks the TLS 1.2 handshake with SQL Server on Windows for clients that do
              not offer it (MD5, SHA-224 and SHA-512 are affected). Replace the certificate with one signed
              with SHA-256 or SHA-384.
            </Alert>
          ) : (
            <Typography variant="body2">
              On Windows this hash works for TLS 1.2 with SQL Server.
              {facts.weakOnLinuxOpenSsl
                ? ' On Linux (OpenSSL security level 2) it is refused: SHA-1 and MD5 fail there.'
                : ''}
            </Typography>
          )}
        </>
      )}
    </Box>
  );
}

function SuiteComparison({ hello, lists }: { hello: ClientHelloFacts; lists: PastedCipherList[] }) {
  const serverLists = lists.filter((l) => l.side !== 'client');
  if (serverLists.length === 0) return null;
  return (
    <Box component="section" sx={{ mt: 2 }}>
      <Typography variant="h4" component="h4" sx={{ fontSize: '1rem', fontWeight: 650 }}>
        Client Hello compared with your pasted cipher list{serverLists.length === 1 ? '' : 's'}
      </Typography>
      {serverLists.map((l) => {
        const x = intersectSuites(hello.suiteNames, l.suites);
        const whose = l.side === 'server' ? "the server's list" : 'the list';
        return (
          <Box key={l.source} sx={{ mt: 1 }}>
            {x.noneInCommon ? (
              <Alert severity="error" variant="outlined">
                No suite in common between this Client Hello and {whose} from {l.source}: the server cannot
                choose one, so the handshake fails.
              </Alert>
            ) : (
              <>
                <Typography variant="body2">
                  {x.common.length} of the {hello.suiteNames.length} suites offered are also in {whose} from{' '}
                  {l.source}
                  {x.chosen ? `; a Windows server would choose ${x.chosen}` : ''}
                  {x.onlyDheInCommon ? ' (only DHE suites in common)' : ''}:
                </Typography>
                <Box component="ul" sx={{ pl: 3, my: 0.5, ...mono }}>
                  {x.common.map((c) => (
                    <li key={c.name}>{c.name}</li>
                  ))}
                </Box>
              </>
            )}
          </Box>
        );
      })}
    </Box>
  );
}

function Timeline({ connection }: { connection: CaptureConnection }) {
  return (
    <TableContainer sx={{ mt: 2 }}>
      <Table size="small">
        <caption style={{ captionSide: 'top', textAlign: 'left', padding: '4px 0' }}>
          <Typography component="span" sx={{ fontWeight: 650 }}>
            Timeline of connection {connection.id}
          </Typography>
          {connection.timelineTruncated ? ' (shortened: only the first steps are kept)' : ''}
        </caption>
        <TableHead>
          <TableRow>
            <TableCell scope="col">Frame</TableCell>
            <TableCell scope="col">Time (ms)</TableCell>
            <TableCell scope="col">Direction</TableCell>
            <TableCell scope="col">What happened</TableCell>
            <TableCell scope="col">Byte offset</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {connection.timeline.map((e, i) => (
            <TableRow key={`${e.frame}-${i}`}>
              <TableCell>{e.frame}</TableCell>
              <TableCell>{e.t.toFixed(e.t < 10 ? 2 : 0)}</TableCell>
              <TableCell>
                <Direction from={e.from} />
              </TableCell>
              <TableCell>
                {e.what}
                {e.count && e.count > 1 ? ` ×${e.count}` : ''}
                {e.detail ? `: ${e.detail}` : ''}
              </TableCell>
              <TableCell>{e.offset}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** One connection's decoded handshake: story, close, hellos side by side, certificate, comparison, timeline. */
export function ConnectionDetail({
  connection: c,
  cipherLists,
  id,
}: {
  connection: CaptureConnection;
  cipherLists: PastedCipherList[];
  id: string;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [c.id]);
  const chosen = c.serverHello ? (c.serverHello.suite.name ?? c.serverHello.suite.hex) : null;
  const pre = c.tdsPrelogin;
  return (
    <Box id={id} component="section" aria-labelledby={`${id}-h`} sx={{ mt: 2 }}>
      <Typography
        id={`${id}-h`}
        ref={heading}
        tabIndex={-1}
        variant="h3"
        component="h3"
        sx={{ fontSize: '1.1rem', outline: 'none', '&:focus-visible': { outline: '2px solid' } }}
      >
        Connection {c.id}: {endpoint(c.client)} <span aria-hidden="true">→</span>
        <Box component="span" sx={visuallyHidden}>
          to
        </Box>{' '}
        {endpoint(c.server)}
      </Typography>
      <Typography sx={{ mt: 0.5 }}>{c.summary}</Typography>
      <Box component="ul" sx={{ pl: 3, my: 1 }}>
        {closeLines(c).map((line) => (
          <Typography component="li" variant="body2" key={line}>
            {line}
          </Typography>
        ))}
        {pre && (
          <Typography component="li" variant="body2">
            PRELOGIN: client encryption {pre.client?.encryption ?? 'not seen'}, server encryption{' '}
            {pre.server?.encryption ?? 'not seen'}
            {pre.sqlServerVersion ? `; SQL Server ${pre.sqlServerVersion}` : ''}
            {pre.client?.instance ? `; instance ${pre.client.instance}` : ''}.
          </Typography>
        )}
        <Typography component="li" variant="body2">
          Login progress:{' '}
          <Box component="span" sx={mono}>
            {c.progress || 'none'}
          </Box>
          ; frames {c.firstFrame}–{c.lastFrame}, {c.durationMs} ms, {c.retransmits} retransmission
          {c.retransmits === 1 ? '' : 's'}
          {c.gaps ? `, ${c.gaps} gap${c.gaps === 1 ? '' : 's'} (data not captured)` : ''}.
        </Typography>
      </Box>
      {(c.clientHello || c.serverHello) && (
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
          <ClientHelloView hello={c.clientHello} chosen={chosen} />
          <ServerHelloView hello={c.serverHello} />
        </Box>
      )}
      {c.clientHello && <SuiteComparison hello={c.clientHello} lists={cipherLists} />}
      <CertificateView connection={c} />
      <Timeline connection={c} />
    </Box>
  );
}
