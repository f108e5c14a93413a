/**
 * Client error parser: what a driver or tool printed when a connection to SQL Server failed.
 *
 * It answers the first question of the troubleshooter: is this the article's case (the connection was
 * reset during pre-login or the TLS handshake of login), a recognised look-alike (a reset after login,
 * 10053, timeouts, error 40/26/53, 18456, certificate trust or name, SSPI, Encrypt=Strict, ...), or
 * nothing usable. Every driver's wording is read: SqlClient (System.Data / Microsoft.Data, native and
 * managed SNI), SSMS, ODBC and sqlcmd on Windows and Linux/macOS (OpenSSL reasons), SNAC, OLE DB
 * (MSOLEDBSQL, SQLOLEDB/DBNETLIB, linked servers), JDBC, go-mssqldb, tedious, pyodbc, pymssql.
 *
 * Matching runs on a view of the paste with whitespace removed, punctuation folded and letters
 * lower-cased (text/normalize.ts), so wrapped lines cut mid-word, literal `\n`, JSON escapes and `>`
 * quote markers do not hide a phrase; every match maps back to the original characters for evidence.
 * Localized texts: Windows' own strings for 10054 (and a few others) in German, French, Spanish,
 * Portuguese, Italian, Russian, Chinese, Japanese, Korean; SqlClient's pre-login / login sentences in
 * French, German, Spanish, Portuguese, Chinese, Japanese.
 */
import type { OtherErrorId, ScenarioId } from '../ids';
import { evidenceAt, type Evidence, type ParseResult, type Problem } from '../model';
import { normalizeText, squeezePhrase, toOriginalSpan, type MappedText } from './text/normalize';
import type { ArtifactParser } from './types';
import { lowerHead, PhraseSet } from './text/phrases';
import type { ScenarioHint } from './text/hints';

export type ClientDriver =
  | 'SqlClient (Microsoft.Data)'
  | 'SqlClient (System.Data)'
  | 'SqlClient'
  | 'SSMS'
  | `ODBC Driver ${number} for SQL Server`
  | 'SQL Server Native Client 11.0'
  | 'SQL Server Native Client 10.0'
  | 'MSOLEDBSQL'
  | 'SQLOLEDB/DBNETLIB'
  | 'sqlcmd'
  | 'JDBC'
  | 'Go (go-mssqldb)'
  | 'Node (tedious)'
  | 'pyodbc'
  | 'pymssql'
  | 'managed SNI'
  | 'Rust (tiberius)';

export type ClientPhase = 'pre-login' | 'login' | 'after-login' | 'unknown';
export type ClientPlatform = 'windows' | 'linux-macos' | 'java';

export type { ScenarioHint };

export interface ClientErrorFacts {
  family: 'handshake-reset' | 'other-error' | 'unrecognized';
  /** which look-alike, when family is 'other-error' */
  otherError: OtherErrorId | null;
  /** how sure the family is: 'low' when only a wrapper or a bare phrase was found */
  familyConfidence: 'high' | 'medium' | 'low';
  driver: ClientDriver | null;
  /** the ODBC / OLE DB component named inside a wrapper (sqlcmd, pyodbc, PHP, linked server) */
  odbcDriver: string | null;
  /** the driver runs SqlClient's managed SNI (Linux/macOS, .NET Core, or UseManagedNetworking) */
  managedSni: boolean;
  phase: ClientPhase;
  /** the connection was being opened (pre-login, TLS or login), as opposed to a running session */
  connecting: boolean;
  /** the connection was reset, in any wording (10054, 0x2746, ECONNRESET, Connection reset, EOF in TLS) */
  reset: boolean;
  /** Windows or Linux OS error number: 10054, 10053, 10060, 10061, 258, 104, ... */
  osError: number | null;
  /** SNI provider, e.g. 'TCP Provider', 'SSL Provider' */
  provider: string | null;
  /** SNI error number from "(provider: X, error: N - ...)" */
  sniError: number | null;
  sqlState: string | null;
  /** ODBC native error ([08001][10054], "(10054) (SQLDriverConnect)") */
  nativeError: number | null;
  /** SqlClient / SSMS error number ("Error Number:10054", "(Microsoft SQL Server, Error: 10054)") */
  errorNumber: number | null;
  /** Windows security HRESULT, e.g. '0x80090331' */
  hresult: string | null;
  hresultName: string | null;
  /** OpenSSL reason text, e.g. 'unsupported protocol' */
  opensslReason: string | null;
  /** OpenSSL packed error code, e.g. '1425F102', '0A000102' */
  opensslCode: string | null;
  clientPlatform: ClientPlatform | null;
  /** the paste mentions Encrypt=Strict / TDS 8 */
  strictEncryption: boolean;
  scenarioHints: ScenarioHint[];
  /** other outcomes the paste also shows signs of (a second error in the same paste), besides `family` */
  alsoFound: (OtherErrorId | 'handshake-reset')[];
  /** language of the localized text found ('en', 'de', 'fr', 'es', 'pt', 'it', 'ru', 'zh', 'ja', 'ko') */
  language: string | null;
}

export type ClientErrorResult = ParseResult<'client-error', ClientErrorFacts>;

// ---------------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------------

type SignalKind =
  | 'reset' // the connection was reset
  | 'tls' // the TLS handshake failed (in scope whatever the phase wording)
  | 'other' // a look-alike with its own outcome
  | 'after' // the session was already open
  | 'prelogin'
  | 'login'
  | 'connect' // the connection was being opened
  | 'wrapper' // SNI 35: an exception was wrapped; the inner one decides
  | 'strict';

interface Rule {
  id: string;
  kind: SignalKind;
  /** phrases as written (squeezed at load) */
  phrases?: string[];
  /** a regular expression run on the squeezed view (must be linear: no nested quantifiers) */
  re?: RegExp;
  meaning: string;
  other?: OtherErrorId;
  osError?: number;
  lang?: string;
  hints?: [ScenarioId, string, 'strong' | 'weak'][];
  hresult?: string;
  /** OpenSSL reason as printed */
  openssl?: string;
  /** sets the platform */
  platform?: ClientPlatform;
}

const R_PROTO: ScenarioId = 'tls-protocol-mismatch';
const R_CIPHER: ScenarioId = 'cipher-suite-mismatch';
const R_DHE: ScenarioId = 'tls-dhe-ciphers';
const R_ZERO: ScenarioId = 'dhe-leading-zero';
const R_HASH: ScenarioId = 'weak-certificate-hash';

const RESET_MEANING = 'The other side reset the connection (Windows error 10054, WSAECONNRESET).';

const RULES: Rule[] = [
  // ---- the 10054 text, in Windows' languages ----
  {
    id: 'reset-en',
    kind: 'reset',
    phrases: [
      'existing connection was forcibly closed by the remote host',
      'existing connection was forcibly closed',
    ],
    meaning: RESET_MEANING,
    osError: 10054,
    lang: 'en',
  },
  {
    id: 'reset-de',
    kind: 'reset',
    phrases: ['Eine vorhandene Verbindung wurde vom Remotehost geschlossen'],
    meaning: RESET_MEANING,
    osError: 10054,
    lang: 'de',
  },
  {
    id: 'reset-fr',
    kind: 'reset',
    phrases: [
      'Une connexion existante a dû être fermée par l’hôte distant',
      'connexion existante a dû être fermée',
    ],
    meaning: RESET_MEANING,
    osError: 10054,
    lang: 'fr',
  },
  {
    id: 'reset-es',
    kind: 'reset',
    phrases: [
      'Se ha forzado la interrupción de una conexión existente por el host remoto',
      'forzado la interrupción de una conexión existente',
    ],
    meaning: RESET_MEANING,
    osError: 10054,
    lang: 'es',
  },
  {
    id: 'reset-pt',
    kind: 'reset',
    phrases: [
      'Foi forçado o cancelamento de uma conexão existente pelo host remoto',
      'forçado o cancelamento de uma conexão existente',
    ],
    meaning: RESET_MEANING,
    osError: 10054,
    lang: 'pt',
  },
  {
    id: 'reset-it',
    kind: 'reset',
    phrases: [
      'connessione esistente è stata interrotta forzatamente dall’host remoto',
      'interrotta forzatamente',
    ],
    meaning: RESET_MEANING,
    osError: 10054,
    lang: 'it',
  },
  {
    id: 'reset-ru',
    kind: 'reset',
    phrases: [
      'Удаленный хост принудительно разорвал существующее подключение',
      'принудительно разорвал существующее',
    ],
    meaning: RESET_MEANING,
    osError: 10054,
    lang: 'ru',
  },
  {
    id: 'reset-zh',
    kind: 'reset',
    phrases: ['远程主机强迫关闭了一个现有的连接', '現有連線被遠端主機強制關閉'],
    meaning: RESET_MEANING,
    osError: 10054,
    lang: 'zh',
  },
  {
    id: 'reset-ja',
    kind: 'reset',
    phrases: [
      '既存の接続はリモート ホストに強制的に切断されました',
      'リモートホストに強制的に切断されました',
    ],
    meaning: RESET_MEANING,
    osError: 10054,
    lang: 'ja',
  },
  {
    id: 'reset-ko',
    kind: 'reset',
    phrases: ['현재 연결은 원격 호스트에 의해 강제로 끊겼습니다'],
    meaning: RESET_MEANING,
    osError: 10054,
    lang: 'ko',
  },
  {
    id: 'reset-partial',
    kind: 'reset',
    phrases: ['error: 0 - An existing conn', 'error: 0 - An existing connection was forc'],
    meaning:
      'The text is cut off, but it begins like the 10054 text "An existing connection was forcibly closed by the remote host".',
    osError: 10054,
    lang: 'en',
  },
  {
    id: 'reset-pipe',
    kind: 'reset',
    phrases: [
      'No process is on the other end of the pipe',
      'No process on the other end of the pipe',
      "Il n'y a pas de processus à l'autre extrémité du canal",
      '管道的另一端上无任何进程',
    ],
    meaning:
      'The server closed a named-pipes or shared-memory connection (233): the named-pipes form of the same failure.',
    osError: 233,
  },
  {
    id: 'reset-pipe-ended',
    kind: 'reset',
    phrases: ['The pipe has been ended', '管道已结束'],
    meaning: 'The server ended the pipe (109): the named-pipes / shared-memory form of a closed connection.',
    osError: 109,
  },
  {
    id: 'reset-hex',
    kind: 'reset',
    re: /0x0{0,4}2746(?![0-9a-f])/g,
    meaning: 'Error code 0x2746 is 10054: the connection was reset (ODBC on Linux/macOS prints it this way).',
    osError: 10054,
  },
  {
    id: 'reset-number',
    kind: 'reset',
    re: /(?<![0-9])10054(?![0-9])/g,
    meaning: 'Error 10054 (WSAECONNRESET): the connection was reset by the other side.',
    osError: 10054,
  },
  {
    id: 'reset-wsa',
    kind: 'reset',
    phrases: ['WSAECONNRESET'],
    meaning: 'WSAECONNRESET (10054): the connection was reset.',
    osError: 10054,
  },
  {
    id: 'reset-econnreset',
    kind: 'reset',
    phrases: ['ECONNRESET'],
    meaning: 'ECONNRESET: the connection was reset by the other side.',
  },
  {
    id: 'reset-peer',
    kind: 'reset',
    phrases: ['connection reset by peer'],
    meaning: 'The server reset the connection (ECONNRESET).',
  },
  {
    id: 'reset-java',
    kind: 'reset',
    phrases: ['Connection reset'],
    meaning: 'Java reports that the server reset the connection.',
  },
  {
    id: 'reset-hangup',
    kind: 'reset',
    phrases: ['socket hang up'],
    meaning: 'Node reports the socket closed before any answer: the server dropped the connection.',
  },
  {
    id: 'reset-linux-hex',
    kind: 'reset',
    re: /errorcode0x68(?![0-9a-f])/g,
    meaning: 'Error code 0x68 is 104, ECONNRESET on Linux: the connection was reset.',
    osError: 104,
    platform: 'linux-macos',
  },
  // ---- the TLS handshake failed (in scope) ----
  {
    id: 'sec-algorithm-mismatch',
    kind: 'tls',
    phrases: [
      'do not possess a common algorithm',
      'SEC_E_ALGORITHM_MISMATCH',
      '0x80090331',
      '-2146893007',
      'keinen gemeinsamen Algorithmus',
      "ne possèdent pas d'algorithme commun",
    ],
    meaning:
      'Schannel on this machine found no TLS version or cipher suite it shares with the other side (SEC_E_ALGORITHM_MISMATCH, 0x80090331).',
    hresult: '0x80090331',
    platform: 'windows',
    hints: [
      [R_PROTO, 'Schannel says the two sides share no algorithm: often no common TLS version.', 'strong'],
      [R_CIPHER, 'Schannel says the two sides share no algorithm: or no common cipher suite.', 'strong'],
    ],
  },
  {
    id: 'sec-decrypt-failure',
    kind: 'tls',
    phrases: [
      'The specified data could not be decrypted',
      'SEC_E_DECRYPT_FAILURE',
      '0x80090330',
      '-2146893008',
    ],
    meaning:
      'The TLS handshake failed to decrypt data (SEC_E_DECRYPT_FAILURE, 0x80090330), typical of DHE key exchange between mismatched Windows versions.',
    hresult: '0x80090330',
    platform: 'windows',
    hints: [
      [
        R_DHE,
        'A decrypt failure in the handshake is typical of TLS_DHE suites between Windows versions.',
        'strong',
      ],
      [R_ZERO, 'A decrypt failure with DHE is also the symptom of a missing leading-zero fix.', 'strong'],
    ],
  },
  {
    id: 'sec-illegal-message',
    kind: 'tls',
    phrases: [
      'The message received was unexpected or badly formatted',
      'SEC_E_ILLEGAL_MESSAGE',
      '0x80090326',
      '-2146893018',
    ],
    meaning:
      'The peer answered the TLS handshake with an alert or something Schannel could not read (SEC_E_ILLEGAL_MESSAGE, 0x80090326).',
    hresult: '0x80090326',
    platform: 'windows',
  },
  {
    id: 'sec-invalid-token',
    kind: 'tls',
    phrases: [
      'The token supplied to the function is invalid',
      'SEC_E_INVALID_TOKEN',
      '0x80090308',
      '-2146893048',
    ],
    meaning: 'The TLS handshake received a malformed message (SEC_E_INVALID_TOKEN, 0x80090308).',
    hresult: '0x80090308',
    platform: 'windows',
  },
  {
    id: 'sec-internal-error',
    kind: 'tls',
    phrases: [
      'The Local Security Authority cannot be contacted',
      'SEC_E_INTERNAL_ERROR',
      '0x80090304',
      '-2146893052',
    ],
    meaning:
      'Schannel failed locally during the handshake (SEC_E_INTERNAL_ERROR, 0x80090304): key or LSA problem.',
    hresult: '0x80090304',
    platform: 'windows',
  },
  {
    id: 'dbnetlib-ssl',
    kind: 'tls',
    phrases: ['SSL Security error', 'SECDoClientHandshake'],
    meaning:
      'The legacy SQLOLEDB / {SQL Server} driver (DBNETLIB) could not complete the TLS handshake: it cannot speak TLS 1.2 on older Windows.',
    platform: 'windows',
    hints: [
      [
        R_PROTO,
        'DBNETLIB "SSL Security error" means the old driver and the server share no TLS version.',
        'strong',
      ],
    ],
  },
  {
    id: 'sni-31',
    kind: 'tls',
    phrases: ['Encryption(ssl/tls) handshake failed'],
    meaning: 'SqlClient (managed SNI, error 31) reports that the TLS handshake failed.',
  },
  {
    id: 'eof-sni',
    kind: 'tls',
    phrases: [
      'End of stream reached',
      'Received an unexpected EOF or 0 bytes from the transport stream',
      'Authentication failed because the remote party has closed the transport stream',
    ],
    meaning: 'The server closed the connection in the middle of the TLS handshake.',
  },
  {
    id: 'tls-eof',
    kind: 'tls',
    phrases: ['tls handshake eof', 'cannot read handshake packet: EOF', 'unexpected eof while reading'],
    meaning: 'The server closed the connection during the TLS handshake (EOF).',
  },
  {
    id: 'java-handshake-closed',
    kind: 'tls',
    phrases: ['Remote host terminated the handshake', 'Remote host closed connection during handshake'],
    meaning: 'Java reports that the server closed the connection during the TLS handshake.',
    platform: 'java',
  },
  {
    id: 'jdbc-ssl',
    kind: 'tls',
    phrases: [
      'could not establish a secure connection to SQL Server by using Secure Sockets Layer (SSL) encryption',
    ],
    meaning: 'The JDBC driver could not complete the TLS handshake with SQL Server.',
    platform: 'java',
  },
  {
    id: 'jdbc-no-response',
    kind: 'tls',
    phrases: ['SQL Server did not return a response'],
    meaning: 'The server closed the connection without answering the JDBC driver during the handshake.',
    platform: 'java',
  },
  {
    id: 'jdbc-tls10',
    kind: 'tls',
    re: /(?:protocolversion|selectedprotocolversion)(?:tls10|tls11|ssl3|tlsv1|tlsv1\.1)(?=isnotaccepted)|isnotacceptedbyclientpreferences/g,
    meaning: 'The server offered only an old TLS version (TLS 1.0/1.1) that the Java client refuses.',
    platform: 'java',
    hints: [[R_PROTO, 'Java refused the TLS version the server chose: the server lacks TLS 1.2.', 'strong']],
  },
  {
    id: 'java-no-protocol',
    kind: 'tls',
    phrases: [
      'No appropriate protocol (protocol is disabled or cipher suites are inappropriate)',
      'No appropriate protocol',
    ],
    meaning: 'Java has no TLS version enabled that the server accepts.',
    platform: 'java',
    hints: [[R_PROTO, 'Java found no enabled TLS version in common with the server.', 'strong']],
  },
  {
    id: 'java-alert-handshake',
    kind: 'tls',
    phrases: ['Received fatal alert: handshake_failure'],
    meaning: 'The server answered with a handshake_failure alert: no cipher suite or certificate fits.',
    platform: 'java',
    hints: [[R_CIPHER, 'A handshake_failure alert usually means no common cipher suite.', 'strong']],
  },
  {
    id: 'java-alert-protocol',
    kind: 'tls',
    phrases: ['Received fatal alert: protocol_version'],
    meaning: 'The server answered with a protocol_version alert: no common TLS version.',
    platform: 'java',
    hints: [[R_PROTO, 'A protocol_version alert means no common TLS version.', 'strong']],
  },
  {
    id: 'java-algorithm-constraints',
    kind: 'tls',
    phrases: ['Certificates do not conform to algorithm constraints'],
    meaning:
      "Java refused the server certificate's signature algorithm (MD5 or SHA-1 are disabled by the JDK).",
    platform: 'java',
    hints: [[R_HASH, "The JDK refused the certificate's signature hash: a weak-hash certificate.", 'strong']],
  },
  {
    id: 'jdbc-rethrowing',
    kind: 'tls',
    phrases: ['Unexpected rethrowing'],
    meaning: 'The JDBC driver aborted the TLS handshake after the server closed the connection.',
    platform: 'java',
  },
  {
    id: 'go-version',
    kind: 'tls',
    re: /serverselectedunsupportedprotocolversion(30[0-2])/g,
    meaning:
      'The server chose an old TLS version (0x0301 = TLS 1.0, 0x0302 = TLS 1.1) that the Go client refuses.',
    hints: [[R_PROTO, 'Go refused the TLS version the server chose: the server lacks TLS 1.2.', 'strong']],
  },
  {
    id: 'go-handshake-failure',
    kind: 'tls',
    phrases: ['tls: handshake failure'],
    meaning: 'The server answered the Go client with a handshake_failure alert.',
    hints: [[R_CIPHER, 'A handshake_failure alert usually means no common cipher suite.', 'weak']],
  },
  {
    id: 'tls-handshake-failed',
    kind: 'tls',
    phrases: ['TLS Handshake failed', 'SSL Handshake failed'],
    meaning: 'The driver reports that the TLS handshake with SQL Server failed.',
  },
  {
    id: 'sspi-call-failed',
    kind: 'tls',
    phrases: ['A call to SSPI failed'],
    meaning: '.NET reports that Schannel (SSPI) failed the TLS handshake; the inner error says why.',
    platform: 'windows',
  },
  // OpenSSL reasons
  {
    id: 'openssl-unsupported-protocol',
    kind: 'tls',
    phrases: [':unsupported protocol', 'routines::unsupported protocol'],
    openssl: 'unsupported protocol',
    meaning:
      "OpenSSL on the client refused the server's TLS version: the server offers only TLS 1.0/1.1 and the client's minimum is TLS 1.2.",
    hints: [
      [
        R_PROTO,
        'OpenSSL "unsupported protocol": the server offers only a TLS version below the client\'s floor.',
        'strong',
      ],
    ],
  },
  {
    id: 'openssl-no-protocols',
    kind: 'tls',
    phrases: [':no protocols available'],
    openssl: 'no protocols available',
    meaning: 'OpenSSL has no TLS version left to offer under its configuration (MinProtocol / MaxProtocol).',
    hints: [
      [
        R_PROTO,
        'OpenSSL "no protocols available": the configured TLS versions leave nothing in common.',
        'strong',
      ],
    ],
  },
  {
    id: 'openssl-alert-protocol',
    kind: 'tls',
    phrases: ['tlsv1 alert protocol version'],
    openssl: 'tlsv1 alert protocol version',
    meaning: 'The server answered with a protocol_version alert: no common TLS version.',
    hints: [[R_PROTO, 'A protocol_version alert means no common TLS version.', 'strong']],
  },
  {
    id: 'openssl-legacy-sigalg',
    kind: 'tls',
    phrases: ['legacy sigalg disallowed or unsupported'],
    openssl: 'legacy sigalg disallowed or unsupported',
    meaning:
      "OpenSSL refused the server certificate's or handshake's signature algorithm (SHA-1/MD5) at its security level.",
    hints: [
      [
        R_HASH,
        'OpenSSL "legacy sigalg disallowed": the Linux analogue of a weak-hash server certificate.',
        'strong',
      ],
    ],
  },
  {
    id: 'openssl-ca-md',
    kind: 'tls',
    phrases: ['ca md too weak'],
    openssl: 'ca md too weak',
    meaning: "OpenSSL refused a certificate's signature hash (MD5/SHA-1) at its security level.",
    hints: [[R_HASH, 'OpenSSL "ca md too weak": a certificate signed with a weak hash.', 'strong']],
  },
  {
    id: 'openssl-handshake-failure',
    kind: 'tls',
    phrases: ['sslv3 alert handshake failure', 'no shared cipher', 'no ciphers available', 'no cipher match'],
    openssl: 'handshake failure',
    meaning: 'OpenSSL and the server found no cipher suite in common.',
    hints: [[R_CIPHER, 'OpenSSL reports a handshake failure / no shared cipher.', 'strong']],
  },
  {
    id: 'openssl-dh-small',
    kind: 'tls',
    phrases: ['dh key too small'],
    openssl: 'dh key too small',
    meaning: "OpenSSL refused the server's DHE parameters as too small.",
    hints: [[R_DHE, 'The server negotiated a TLS_DHE suite with small parameters.', 'strong']],
  },
  {
    id: 'openssl-wrong-version',
    kind: 'tls',
    phrases: ['wrong version number'],
    openssl: 'wrong version number',
    meaning: 'OpenSSL received something that is not the TLS version it expected.',
    hints: [[R_PROTO, 'OpenSSL "wrong version number" often means a TLS version mismatch.', 'weak']],
  },
  {
    id: 'openssl-legacy-reneg',
    kind: 'tls',
    phrases: ['unsafe legacy renegotiation disabled'],
    openssl: 'unsafe legacy renegotiation disabled',
    meaning:
      'OpenSSL 3 refuses a server that lacks secure renegotiation: an old, unpatched server TLS stack.',
    hints: [[R_PROTO, 'The server runs an old TLS stack; patch it for TLS 1.2.', 'weak']],
  },
  // ---- look-alikes ----
  {
    id: 'aborted',
    kind: 'other',
    other: 'connection-aborted',
    phrases: [
      'established connection was aborted by the software in your host machine',
      'softwaregesteuert durch den Hostcomputer abgebrochen',
      'abandonnée par un logiciel de votre ordinateur hôte',
      '你的主机中的软件中止了一个已建立的连接',
      '確立された接続がホスト コンピューター',
      'WSAECONNABORTED',
      'ECONNABORTED',
    ],
    osError: 10053,
    meaning: 'The connection was aborted by software on this machine (10053), not reset by the server.',
  },
  {
    id: 'aborted-number',
    kind: 'other',
    other: 'connection-aborted',
    re: /(?<![0-9])10053(?![0-9])|0x0{0,4}2745(?![0-9a-f])/g,
    osError: 10053,
    meaning: 'Error 10053 (WSAECONNABORTED): this machine aborted the connection.',
  },
  {
    id: 'refused',
    kind: 'other',
    other: 'connection-refused',
    phrases: [
      'actively refused',
      'da der Zielcomputer die Verbindung verweigerte',
      'expressément refusée',
      '目标计算机积极拒绝',
      '対象のコンピューターによって拒否されたため',
      'ECONNREFUSED',
      'Connection refused',
    ],
    osError: 10061,
    meaning:
      'Nothing accepted the connection on that address and port (10061): wrong port, service down, or firewall.',
  },
  {
    id: 'refused-number',
    kind: 'other',
    other: 'connection-refused',
    re: /(?<![0-9])10061(?![0-9])|0x0{0,4}274d(?![0-9a-f])/g,
    osError: 10061,
    meaning: 'Error 10061: the connection was refused (nothing listening, or a firewall).',
  },
  {
    id: 'timeout-258',
    kind: 'other',
    other: 'timeout',
    phrases: [
      'The wait operation timed out',
      'Der Wartevorgang wurde abgebrochen',
      "L'opération d'attente a expiré",
    ],
    osError: 258,
    meaning: 'The client gave up waiting for the server (258): a timeout, not a reset.',
  },
  {
    id: 'timeout-10060',
    kind: 'other',
    other: 'timeout',
    phrases: [
      'did not properly respond after a period of time',
      'nach einer bestimmten Zeitspanne nicht richtig reagiert',
      "n'a pas répondu convenablement",
      '连接方在一段时间后没有正确答复',
      'ETIMEDOUT',
    ],
    osError: 10060,
    meaning: 'The server did not answer in time (10060): a network path or firewall problem, not a reset.',
  },
  {
    id: 'timeout-number',
    kind: 'other',
    other: 'timeout',
    re: /(?<![0-9])10060(?![0-9])|0x0{0,4}274c(?![0-9a-f])|win32exception\(258\)|(?<![0-9a-z])error:258\)/g,
    meaning: 'A timeout error number (258 or 10060).',
  },
  {
    id: 'timeout-login',
    kind: 'other',
    other: 'timeout',
    phrases: [
      'Login timeout expired',
      'Connection Timeout Expired',
      'pre-login handshake acknowledgement',
      'HYT00',
      'Timeout error',
      'i/o timeout',
      'connect timed out',
      'Read timed out',
      'Das Anmeldetimeout ist abgelaufen',
      "Délai d'attente de connexion expiré",
    ],
    meaning: 'The connection attempt timed out before the server answered.',
  },
  {
    id: 'network-40',
    kind: 'other',
    other: 'network-path',
    phrases: [
      'Could not open a connection to SQL Server',
      'Error Locating Server/Instance Specified',
      'network-related or instance-specific error',
      'The server was not found or was not accessible',
      'The network path was not found',
      'No such host is known',
      'ENOTFOUND',
      'UnknownHostException',
      'The TCP/IP connection to the host',
      'SQL Server does not exist or access denied',
      'The specified network name is no longer available',
      'Adaptive Server is unavailable or does not exist',
      'getaddrinfo',
      'Der Server wurde nicht gefunden',
      'Le serveur est introuvable',
    ],
    meaning: 'The client could not reach the server or the instance (error 40 / 26 / 53 family).',
  },
  {
    id: 'login-failed',
    kind: 'other',
    other: 'login-failed',
    phrases: [
      'Login failed for user',
      'Fehler bei der Anmeldung für den Benutzer',
      "Échec de l'ouverture de session de l'utilisateur",
      'Error de inicio de sesión del usuario',
      'Falha de logon para o usuário',
      '登录失败',
      'はログインできませんでした',
    ],
    meaning: 'The server rejected the login (18456): the TLS handshake had already succeeded.',
  },
  {
    id: 'login-failed-number',
    kind: 'other',
    other: 'login-failed',
    re: /(?<![0-9])18456(?![0-9])/g,
    meaning: 'Error 18456: the login was rejected after the handshake.',
  },
  {
    id: 'cert-trust',
    kind: 'other',
    other: 'certificate-trust',
    phrases: [
      'by an authority that is not trusted',
      'not trusted by the trust provider',
      'UntrustedRoot',
      'PKIX path building failed',
      'unable to find valid certification path',
      'certificate verify failed',
      'self signed certificate',
      'self-signed certificate',
      'RemoteCertificateValidationCallback',
      'The remote certificate is invalid',
      'certificate signed by unknown authority',
      'SEC_E_UNTRUSTED_ROOT',
      '0x80090325',
      '-2146893019',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'failed chain validation',
      'The received certificate has expired',
      'certificate has expired',
      'nicht vertrauenswürdigen Zertifizierungsstelle',
      "par une autorité qui n'est pas approuvée",
      'autoridade que não é confiável',
      'en la que no se confía',
      '不受信任的颁发机构',
      '信頼されていない機関',
      'OpenSslCryptographicException',
    ],
    meaning:
      "The client did not trust the server's certificate (or could not check it): a certificate-trust problem, not a reset.",
  },
  {
    id: 'cert-name',
    kind: 'other',
    other: 'certificate-name',
    phrases: [
      'The target principal name is incorrect',
      'Certificate name mismatch',
      'does not match the name in the certificate',
      'certificate is valid for',
      'Failed to validate the server name in a certificate',
      "does not match certificate's altnames",
      'ERR_TLS_CERT_ALTNAME_INVALID',
      'RemoteCertificateNameMismatch',
      'SEC_E_WRONG_PRINCIPAL',
      '0x80090322',
      '-2146893022',
      'Der Zielprinzipalname ist falsch',
      '目标主体名称不正确',
      'ターゲット プリンシパル名',
    ],
    meaning:
      "The server's certificate does not carry the name the client connected with (or the SPN is wrong).",
  },
  {
    id: 'sspi',
    kind: 'other',
    other: 'sspi',
    phrases: [
      'Cannot generate SSPI context',
      'SSPI handshake failed',
      'SSPI-Kontext',
      'contexte SSPI',
      'SSPI 上下文',
      'SSPI コンテキスト',
    ],
    meaning: 'Windows authentication (Kerberos/SSPI) failed: not a TLS reset.',
  },
  {
    id: 'encryption-not-supported',
    kind: 'other',
    other: 'encryption-not-supported',
    phrases: [
      'does not support encryption',
      'requires encryption but this machine does not support it',
      'Encryption not supported',
      'client library does not support encryption',
      'Encryption is enforced but there is no valid certificate',
    ],
    meaning: 'One side requires encryption that the other does not support (ENCRYPT_NOT_SUP, 17835).',
  },
  {
    id: 'encryption-17835',
    kind: 'other',
    other: 'encryption-not-supported',
    re: /(?<![0-9])17835(?![0-9])/g,
    meaning: 'Error 17835: encryption required but not supported by the client.',
  },
  // ---- the session was already open ----
  {
    id: 'after-transport',
    kind: 'after',
    phrases: [
      'A transport-level error has occurred',
      'transport-level error',
      'when sending the request to the server',
      'when receiving results from the server',
      'Fehler auf Transportebene',
      'erreur au niveau du transport',
      'error en el nivel de transporte',
      'erro de nível de transporte',
      '传输级错误',
      'トランスポート レベルのエラー',
    ],
    meaning: 'A transport-level error: the session was already open when the connection broke.',
  },
  {
    id: 'after-broken',
    kind: 'after',
    phrases: [
      'connection is broken and recovery is not possible',
      'A conexão foi desfeita e a recuperação não é possível',
      'IMC06',
      'Physical connection is not usable',
      '08S02',
      'General network error',
      'The semaphore timeout period has expired',
      'The connection is closed',
    ],
    meaning: 'The driver reports an open session that broke (not a failed connection attempt).',
  },
  {
    id: 'after-08s01',
    kind: 'after',
    phrases: ['08S01', 'Communication link failure'],
    meaning:
      'SQLSTATE 08S01 / communication link failure: the link failed, usually during a running session.',
  },
  // ---- phase ----
  {
    id: 'phase-prelogin',
    kind: 'prelogin',
    phrases: [
      'error occurred during the pre-login handshake',
      'pre-login handshake',
      'négociation préalable à l’ouverture de session',
      'Handshakes vor der Anmeldung',
      'previo al inicio de sesión',
      'handshake de pré-logon',
      'handshake de pré-login',
      '登录前的握手',
      'ログイン前のハンドシェイク',
      'before login',
    ],
    meaning: 'The failure happened during pre-login, the exchange that also carries the TLS handshake.',
  },
  {
    id: 'phase-login',
    kind: 'login',
    phrases: [
      'error occurred during the login process',
      'during the login process',
      "processus d'ouverture de session",
      'pendant le processus de connexion',
      'beim Anmeldevorgang',
      'während des Anmeldevorgangs',
      'durante el proceso de inicio de sesión',
      'durante o processo de logon',
      '登录过程中',
      'ログイン処理中',
    ],
    meaning:
      'The failure happened during the login phase, when SQL Server runs the TLS handshake for the login.',
  },
  {
    id: 'phase-connect',
    kind: 'connect',
    phrases: [
      'Client unable to establish connection',
      '08001',
      'SQLDriverConnect',
      'while establishing a connection',
      'Cannot connect to',
      'Exception calling "Open"',
      'SqlConnection.Open',
      'Failed to connect',
      'Unable to connect',
      'connectHelper',
      'A connection was successfully established with the server',
      'Une connexion a été établie avec le serveur',
      'Es konnte eine Verbindung mit dem Server hergestellt werden',
      'Uma conexão foi estabelecida com êxito com o servidor',
      '已成功与服务器建立连接',
      'サーバーとの接続を正常に確立しましたが',
      'ConnectionError',
      'Connection lost',
    ],
    meaning: 'The connection was being opened when it failed.',
  },
  {
    id: 'sni-35',
    kind: 'wrapper',
    phrases: ['An internal exception was caught', '内部の例外が発生しました'],
    meaning:
      'SqlClient (managed SNI, error 35) wrapped another exception; the inner exception tells the cause.',
  },
  {
    id: 'strict',
    kind: 'strict',
    phrases: [
      'Encrypt=Strict',
      'Encrypt = Strict',
      'strict encryption',
      'TDS 8.0',
      'TDS 8',
      'tds/8.0',
      'Force Strict Encryption',
    ],
    meaning:
      'The client asked for strict encryption (TDS 8.0, TLS first), which older servers and tools do not speak.',
  },
];

interface CompiledRule extends Rule {
  squeezed: string[];
  /** ids of the squeezed phrases in PHRASES */
  ids: number[];
}

/** Every squeezed phrase of the rules and the drivers, looked up in one pass over the view. */
const PHRASE_LIST: string[] = [];
const phraseIds = (squeezed: string[]): number[] => squeezed.map((p) => PHRASE_LIST.push(p) - 1);

const COMPILED: CompiledRule[] = RULES.map((r) => {
  const squeezed = (r.phrases ?? []).map(squeezePhrase).filter((p) => p.length > 0);
  return { ...r, squeezed, ids: phraseIds(squeezed) };
});

// ---------------------------------------------------------------------------------------------------
// Drivers
// ---------------------------------------------------------------------------------------------------

interface DriverRule {
  driver: ClientDriver | 'odbc';
  phrases?: string[];
  re?: RegExp;
  platform?: ClientPlatform;
}

const DRIVER_RULES: DriverRule[] = [
  {
    driver: 'JDBC',
    phrases: ['com.microsoft.sqlserver.jdbc', 'SQLServerException', 'mssql-jdbc', 'jdbc:sqlserver'],
    platform: 'java',
  },
  {
    driver: 'Go (go-mssqldb)',
    phrases: [
      'go-mssqldb',
      'denisenkom',
      'cannot read handshake packet',
      'tls: server selected',
      'wsarecv',
      'wsasend',
    ],
    re: /[a-z_]\.go:[0-9]/,
  },
  {
    driver: 'Node (tedious)',
    phrases: [
      'tedious',
      'ESOCKET',
      'socket hang up',
      'ECONNRESET',
      'node_modules',
      'emitErrorNT',
      'node-mssql',
    ],
  },
  {
    driver: 'pymssql',
    phrases: ['pymssql', '_mssql', 'DB-Lib error', 'Adaptive Server connection failed', 'FreeTDS'],
  },
  { driver: 'pyodbc', phrases: ['pyodbc'], re: /\('(?:08001|08s01|hyt00|28000|42000|imc06|hy000|01000)',/ },
  { driver: 'sqlcmd', phrases: ['Sqlcmd: Error', 'Sqlcmd:'] },
  {
    driver: 'SQLOLEDB/DBNETLIB',
    phrases: ['DBNETLIB', 'SQLOLEDB', '[ODBC SQL Server Driver]'],
    platform: 'windows',
  },
  {
    driver: 'MSOLEDBSQL',
    phrases: [
      'MSOLEDBSQL',
      'Microsoft OLE DB Driver',
      'OLE DB Driver 19 for SQL Server',
      'OLE DB Driver for SQL Server',
    ],
    platform: 'windows',
  },
  {
    driver: 'SQL Server Native Client 11.0',
    phrases: ['SQL Server Native Client 11.0', 'SQLNCLI11'],
    platform: 'windows',
  },
  {
    driver: 'SQL Server Native Client 10.0',
    phrases: ['SQL Server Native Client 10.0', 'SQLNCLI10'],
    platform: 'windows',
  },
  { driver: 'odbc', re: /odbcdriver([0-9]{2})forsqlserver/ },
  {
    driver: 'SSMS',
    phrases: [
      '(Microsoft SQL Server, Error',
      '(Microsoft SQL Server, erreur',
      '(Microsoft SQL Server, Fehler',
      'Management Studio',
      'Microsoft.SqlServer.Management',
      'Microsoft.SqlServer.ConnectionInfo',
    ],
    platform: 'windows',
  },
  { driver: 'SqlClient (Microsoft.Data)', phrases: ['Microsoft.Data.SqlClient'] },
  { driver: 'SqlClient (System.Data)', phrases: ['System.Data.SqlClient'] },
  {
    driver: 'Rust (tiberius)',
    phrases: ['tiberius', 'An error occured during the attempt of performing I/O'],
  },
];

const COMPILED_DRIVERS = DRIVER_RULES.map((d) => {
  const squeezed = (d.phrases ?? []).map(squeezePhrase);
  return { ...d, squeezed, ids: phraseIds(squeezed) };
});

const PHRASES = new PhraseSet(PHRASE_LIST);

const HRESULT_NAMES: Record<string, string> = {
  '0x80090331': 'SEC_E_ALGORITHM_MISMATCH',
  '0x80090326': 'SEC_E_ILLEGAL_MESSAGE',
  '0x80090330': 'SEC_E_DECRYPT_FAILURE',
  '0x80090308': 'SEC_E_INVALID_TOKEN',
  '0x80090325': 'SEC_E_UNTRUSTED_ROOT',
  '0x80090322': 'SEC_E_WRONG_PRINCIPAL',
  '0x80090328': 'SEC_E_CERT_EXPIRED',
  '0x80090304': 'SEC_E_INTERNAL_ERROR',
  '0x80090327': 'SEC_E_CERT_UNKNOWN',
  '0x8009030f': 'SEC_E_MESSAGE_ALTERED',
  '0x80090302': 'SEC_E_UNSUPPORTED_FUNCTION',
  '0x8009030d': 'SEC_E_UNKNOWN_CREDENTIALS',
  '0x8009030e': 'SEC_E_NO_CREDENTIALS',
};

/** Signed decimal forms SSMS shows as "Error: -2146893007". */
function signedToHresult(n: number): string {
  return '0x' + (n >>> 0).toString(16).padStart(8, '0');
}

// ---------------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------------

interface Hit {
  rule: CompiledRule;
  /** view offsets */
  start: number;
  end: number;
  /** first capture group, when the rule is a regex */
  group?: string;
}

/** First occurrence of a rule in the view (`found`: PHRASES.firstIndexes(view)). */
function findRule(view: string, rule: CompiledRule, found: Int32Array): Hit | null {
  let best: Hit | null = null;
  for (let i = 0; i < rule.ids.length; i++) {
    const at = found[rule.ids[i]!]!;
    const p = rule.squeezed[i]!;
    if (at >= 0 && (best === null || at < best.start)) best = { rule, start: at, end: at + p.length };
  }
  if (rule.re) {
    rule.re.lastIndex = 0;
    const m = rule.re.exec(view);
    rule.re.lastIndex = 0;
    if (m && (best === null || m.index < best.start)) {
      best = { rule, start: m.index, end: m.index + m[0].length, group: m[1] };
    }
  }
  return best;
}

const MAX_INPUT = 1_000_000;

function emptyFacts(): ClientErrorFacts {
  return {
    family: 'unrecognized',
    otherError: null,
    familyConfidence: 'low',
    driver: null,
    odbcDriver: null,
    managedSni: false,
    phase: 'unknown',
    connecting: false,
    reset: false,
    osError: null,
    provider: null,
    sniError: null,
    sqlState: null,
    nativeError: null,
    errorNumber: null,
    hresult: null,
    hresultName: null,
    opensslReason: null,
    opensslCode: null,
    clientPlatform: null,
    strictEncryption: false,
    scenarioHints: [],
    alsoFound: [],
    language: null,
  };
}

function providerName(raw: string): string {
  const p = raw.toLowerCase();
  if (p.includes('tcp')) return 'TCP Provider';
  if (p.includes('ssl')) return 'SSL Provider';
  if (p.includes('http')) return 'HTTP Provider';
  if (p.includes('smux')) return 'SMux Provider';
  if (p.includes('namedpipe') || p.includes('canauxnommés') || p.includes('named'))
    return 'Named Pipes Provider';
  if (p.includes('sharedmemory') || p.includes('mémoirepartagée') || p.includes('sharedmem'))
    return 'Shared Memory Provider';
  if (p.includes('networkinterfaces')) return 'SQL Network Interfaces';
  return raw;
}

const PROVIDER_RE =
  /\((?:provider|fournisseur|anbieter|proveedor|provedor|fornitore|プロバイダー|提供程序|공급자):(.{1,40}?),(?:error|erreur|fehler|erro|errore|エラー|错误|오류):(-?[0-9]{1,6})-/;
const ODBC_PROVIDER_RE =
  /(tcpprovider|sslprovider|namedpipesprovider|sharedmemoryprovider|smuxprovider|sqlnetworkinterfaces|httpprovider):/;
const SQLSTATE_RE =
  /(?:\[|sqlstate\[?|sqlstate=|sqlstate:|\(')(08001|08s01|08s02|08004|hyt00|imc06|28000|42000|hy000|01000)(?:\]|'|,|\b)/;
const NATIVE_RE =
  /\[(?:08001|08s01|hyt00|28000|42000)\]\[(-?[0-9]{1,10})\]|\((-?[0-9]{1,10})\)\(sqldriverconnect\)/;
const ERRNUM_RE = /errornumber:(-?[0-9]{1,10}),state:|\(microsoftsqlserver,[a-zéü]{0,10}:(-?[0-9]{1,10})\)/;
const HRESULT_RE = /0x8009[0-9a-f]{4}(?![0-9a-f])|-21468[0-9]{5}(?![0-9])/;
const OPENSSL_CODE_RE = /error:([0-9a-f]{8}):/;
const WIN32EX_RE = /win32exception(?:\(0x[0-9a-f]{8}\))?\((-?[0-9]{1,6})\)/;

/** Evidence in original coordinates for a view span. */
function ev(
  text: string,
  view: MappedText,
  start: number,
  end: number,
  meaning: string,
  fact: string,
): Evidence {
  const o = toOriginalSpan(view, start, end);
  return evidenceAt(text, o.start, o.end, meaning, fact);
}

function detectScriptLanguage(text: string): string | null {
  let han = 0;
  let kana = 0;
  let hangul = 0;
  let cyr = 0;
  const n = Math.min(text.length, 20_000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3040 && c <= 0x30ff) kana++;
    else if (c >= 0x4e00 && c <= 0x9fff) han++;
    else if (c >= 0xac00 && c <= 0xd7af) hangul++;
    else if (c >= 0x400 && c <= 0x4ff) cyr++;
  }
  if (kana > 2) return 'ja';
  if (hangul > 2) return 'ko';
  if (han > 2) return 'zh';
  if (cyr > 4) return 'ru';
  return null;
}

export function parseClientError(input: string): ClientErrorResult {
  const text = typeof input === 'string' ? input : '';
  const facts = emptyFacts();
  const evidence: Evidence[] = [];
  const problems: Problem[] = [];
  try {
    const view = normalizeText(text, { whitespace: 'drop', lowercase: true, maxInput: MAX_INPUT });
    const v = view.text;
    if (view.truncated) {
      problems.push({
        code: 'input-truncated',
        severity: 'warning',
        message: `Only the first ${MAX_INPUT.toLocaleString('en-US')} characters were read.`,
      });
    }
    if (v.length === 0) {
      problems.push({ code: 'empty', severity: 'info', message: 'Nothing to read: the text is empty.' });
      return { kind: 'client-error', facts, evidence, problems };
    }

    const hits: Hit[] = [];
    const phrasesFound = PHRASES.firstIndexes(v);
    for (const rule of COMPILED) {
      const h = findRule(v, rule, phrasesFound);
      if (h) hits.push(h);
    }
    const of = (kind: SignalKind): Hit[] => hits.filter((h) => h.rule.kind === kind);

    // ---- structured numbers ----
    const prov = PROVIDER_RE.exec(v);
    if (prov && prov[1] !== undefined && prov[2] !== undefined) {
      facts.provider = providerName(prov[1]);
      facts.sniError = Number(prov[2]);
      evidence.push(
        ev(
          text,
          view,
          prov.index,
          prov.index + prov[0].length,
          `SNI names the ${facts.provider} and error ${facts.sniError}.`,
          'provider',
        ),
      );
    } else {
      const op = ODBC_PROVIDER_RE.exec(v);
      if (op && op[1]) {
        facts.provider = providerName(op[1]);
        evidence.push(
          ev(
            text,
            view,
            op.index,
            op.index + op[1].length,
            `The driver names the ${facts.provider}.`,
            'provider',
          ),
        );
      }
    }
    if (facts.sniError === 31 || facts.sniError === 35) facts.managedSni = true;
    const st = SQLSTATE_RE.exec(v);
    if (st && st[1]) {
      facts.sqlState = st[1].toUpperCase();
      const at = st.index + st[0].indexOf(st[1]);
      evidence.push(ev(text, view, at, at + st[1].length, `SQLSTATE ${facts.sqlState}.`, 'sqlState'));
    }
    const nat = NATIVE_RE.exec(v);
    if (nat) {
      const num = nat[1] ?? nat[2];
      if (num !== undefined) {
        facts.nativeError = Number(num);
        const at = nat.index + nat[0].indexOf(num);
        evidence.push(ev(text, view, at, at + num.length, `ODBC native error ${num}.`, 'nativeError'));
      }
    }
    const en = ERRNUM_RE.exec(v);
    if (en) {
      const num = en[1] ?? en[2];
      if (num !== undefined) {
        facts.errorNumber = Number(num);
        const at = en.index + en[0].indexOf(num);
        evidence.push(ev(text, view, at, at + num.length, `Error number ${num}.`, 'errorNumber'));
      }
    }
    const hr = HRESULT_RE.exec(v);
    if (hr) {
      const code = hr[0].startsWith('-') ? signedToHresult(Number(hr[0])) : hr[0];
      facts.hresult = code;
      facts.hresultName = HRESULT_NAMES[code] ?? null;
    }
    const osl = OPENSSL_CODE_RE.exec(v);
    if (osl && osl[1]) facts.opensslCode = osl[1].toUpperCase();
    const w32 = WIN32EX_RE.exec(v);

    // ---- signals ----
    const resets = of('reset');
    const tls = of('tls');
    const others = of('other');
    const after = of('after');
    const prelogin = of('prelogin');
    const login = of('login');
    const connect = of('connect');
    const wrapper = of('wrapper');
    const strict = of('strict');

    facts.reset = resets.length > 0 || hits.some((h) => h.rule.id === 'eof-sni' || h.rule.id === 'tls-eof');
    facts.strictEncryption = strict.length > 0;

    // OS error: the first explicit one, else implied by phrases
    const osCandidates = hits.filter((h) => h.rule.osError !== undefined).sort((a, b) => a.start - b.start);
    if (w32 && w32[1] !== undefined) facts.osError = Number(w32[1]);
    else if (resets.some((h) => h.rule.osError === 10054)) facts.osError = 10054;
    else if (osCandidates[0]) facts.osError = osCandidates[0].rule.osError ?? null;
    const peer = /resetbypeer\(104\)/.exec(v);
    if (facts.osError === null && peer) facts.osError = 104;
    if (
      facts.osError === null &&
      hits.some((h) => h.rule.id === 'timeout-number') &&
      /\(258\)|error:258\)/.test(v)
    ) {
      facts.osError = 258;
    }

    // phase
    if (prelogin.length > 0) facts.phase = 'pre-login';
    else if (login.length > 0) facts.phase = 'login';
    const connectingEvidence =
      connect.length > 0 || prelogin.length > 0 || login.length > 0 || tls.length > 0;
    const afterStrong = after.filter((h) => h.rule.id !== 'after-08s01');
    const after08 = after.filter((h) => h.rule.id === 'after-08s01');
    if (facts.phase === 'unknown') {
      if (afterStrong.length > 0 || (after08.length > 0 && !connectingEvidence)) facts.phase = 'after-login';
      else if (tls.length > 0) facts.phase = 'pre-login';
    }
    facts.connecting = facts.phase === 'pre-login' || facts.phase === 'login' || connectingEvidence;
    if (facts.phase === 'after-login') facts.connecting = false;

    // ---- family ----
    const pickOther = (ids: OtherErrorId[]): Hit | undefined => {
      for (const id of ids) {
        const h = others.find((o) => o.rule.other === id);
        if (h) return h;
      }
      return undefined;
    };
    let familyHit: Hit | undefined;
    // certificate-name vs SSPI: "target principal name" with SSPI wording is Kerberos
    const certName = others.find((o) => o.rule.other === 'certificate-name');
    const sspi = others.find((o) => o.rule.other === 'sspi');
    const decisive = pickOther(['certificate-trust', 'encryption-not-supported', 'login-failed']);
    if (sspi) {
      facts.family = 'other-error';
      facts.otherError = 'sspi';
      familyHit = sspi;
    } else if (decisive && !(decisive.rule.other === 'login-failed' && tls.length > 0)) {
      facts.family = 'other-error';
      facts.otherError = decisive.rule.other ?? null;
      familyHit = decisive;
    } else if (certName) {
      facts.family = 'other-error';
      facts.otherError = 'certificate-name';
      familyHit = certName;
    } else if (strict.length > 0 && (facts.connecting || facts.reset || others.length > 0)) {
      facts.family = 'other-error';
      facts.otherError = 'strict-encryption';
      familyHit = strict[0];
    } else if (facts.phase === 'after-login' && (facts.reset || after.length > 0)) {
      facts.family = 'other-error';
      facts.otherError = 'reset-after-login';
      familyHit = afterStrong[0] ?? after08[0] ?? resets[0];
    } else if (tls.length > 0 || (facts.reset && !pickOther(['connection-aborted']))) {
      facts.family = 'handshake-reset';
      familyHit = tls[0] ?? resets[0];
    } else {
      const look = pickOther(['connection-aborted', 'connection-refused', 'timeout', 'network-path']);
      if (look) {
        facts.family = 'other-error';
        facts.otherError = look.rule.other ?? null;
        familyHit = look;
      } else if (wrapper.length > 0 && facts.phase !== 'after-login') {
        facts.family = 'handshake-reset';
        familyHit = wrapper[0];
        problems.push({
          code: 'inner-exception-missing',
          severity: 'warning',
          message:
            'SqlClient wrapped another exception (error 35) and the inner exception is not in the paste. Paste the whole exception, including the lines starting with "--->", to confirm the cause.',
        });
      }
    }

    // other signals in the same paste
    const also = new Set<OtherErrorId | 'handshake-reset'>();
    for (const o of others) if (o.rule.other && o.rule.other !== facts.otherError) also.add(o.rule.other);
    if (
      facts.family === 'other-error' &&
      (tls.length > 0 || (facts.reset && facts.otherError !== 'reset-after-login'))
    )
      also.add('handshake-reset');
    facts.alsoFound = [...also];
    if (facts.alsoFound.length > 0 && facts.family !== 'unrecognized') {
      problems.push({
        code: 'several-errors',
        severity: 'info',
        message: `The paste also shows signs of: ${facts.alsoFound.join(', ')}. The verdict follows the error that decides the connection; check the others too if they come from separate attempts.`,
      });
    }

    // confidence
    if (facts.family === 'handshake-reset') {
      const explicitPhase = prelogin.length > 0 || login.length > 0 || connect.length > 0;
      facts.familyConfidence =
        tls.length > 0 || (facts.reset && explicitPhase) ? 'high' : facts.reset ? 'medium' : 'low';
      if (facts.reset && !explicitPhase && tls.length === 0) {
        problems.push({
          code: 'phase-unknown',
          severity: 'info',
          message:
            'The text says the connection was reset but not when. If it happened while connecting, it is the handshake reset; if a query was already running, it is a reset after login.',
        });
      }
    } else if (facts.family === 'other-error') {
      facts.familyConfidence = facts.otherError === 'strict-encryption' ? 'medium' : 'high';
    }

    // ---- evidence for signals ----
    const seen = new Set<string>();
    for (const h of hits.sort((a, b) => a.start - b.start)) {
      const key = `${h.start}:${h.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const fact =
        h === familyHit
          ? 'family'
          : h.rule.kind === 'prelogin' || h.rule.kind === 'login' || h.rule.kind === 'after'
            ? 'phase'
            : h.rule.kind === 'reset'
              ? 'osError'
              : h.rule.kind === 'other'
                ? 'otherError'
                : h.rule.openssl
                  ? 'opensslReason'
                  : h.rule.kind === 'strict'
                    ? 'strictEncryption'
                    : h.rule.kind === 'connect'
                      ? 'connecting'
                      : 'family';
      evidence.push(ev(text, view, h.start, h.end, h.rule.meaning, fact));
    }

    // ---- OpenSSL ----
    const osslHit = tls.find((h) => h.rule.openssl !== undefined);
    if (osslHit) facts.opensslReason = osslHit.rule.openssl ?? null;

    // ---- hints ----
    const hintSeen = new Set<ScenarioId>();
    const addHint = (scenario: ScenarioId, why: string, strength: 'strong' | 'weak'): void => {
      if (hintSeen.has(scenario)) return;
      hintSeen.add(scenario);
      facts.scenarioHints.push({ scenario, why, strength });
    };
    if (facts.family === 'handshake-reset') {
      for (const h of tls) for (const [s, why, strength] of h.rule.hints ?? []) addHint(s, why, strength);
    }

    // ---- driver ----
    let odbc: string | null = null;
    for (const d of COMPILED_DRIVERS) {
      let found: { start: number; end: number; group?: string } | null = null;
      for (let i = 0; i < d.ids.length; i++) {
        const at = phrasesFound[d.ids[i]!]!;
        const p = d.squeezed[i]!;
        if (at >= 0 && (found === null || at < found.start)) found = { start: at, end: at + p.length };
      }
      if (d.re) {
        const m = d.re.exec(v);
        if (m && (found === null || m.index < found.start))
          found = { start: m.index, end: m.index + m[0].length, group: m[1] };
      }
      if (!found) continue;
      let name: ClientDriver;
      if (d.driver === 'odbc') {
        name = `ODBC Driver ${Number(found.group ?? '0')} for SQL Server`;
        odbc = odbc ?? name;
      } else name = d.driver;
      if (
        (d.driver === 'SQL Server Native Client 11.0' ||
          d.driver === 'SQL Server Native Client 10.0' ||
          d.driver === 'MSOLEDBSQL' ||
          d.driver === 'SQLOLEDB/DBNETLIB') &&
        odbc === null
      ) {
        odbc = d.driver;
      }
      if (facts.driver === null) {
        facts.driver = name;
        evidence.push(ev(text, view, found.start, found.end, `Written by ${name}.`, 'driver'));
        if (d.platform) facts.clientPlatform = d.platform;
      }
    }
    if (facts.driver !== null && facts.driver !== odbc) facts.odbcDriver = odbc;
    if (
      v.includes('microsoft.data.sqlclient.sni.') ||
      v.includes('snitcphandle') ||
      v.includes('sniproxy') ||
      v.includes('managedsni')
    ) {
      facts.managedSni = true;
    }
    if (facts.driver === null) {
      if (facts.managedSni) facts.driver = 'managed SNI';
      else if (PROVIDER_RE.test(v) || prelogin.length > 0 || login.length > 0) facts.driver = 'SqlClient';
    }

    // ---- platform ----
    if (facts.clientPlatform === null) {
      const win =
        v.includes('win32exception') ||
        hits.some((h) => h.rule.platform === 'windows') ||
        /provider:(?:anexisting|anestablished|thewaitoperation|noconnectioncould|theclientandserver|aconnectionattempt)/.test(
          v,
        ) ||
        /(?:^|[\s"'(=])[A-Za-z]:\\[^\s\\]/.test(text.slice(0, 65536)) ||
        hits.some((h) => h.rule.kind === 'reset' && h.rule.lang !== undefined && h.rule.lang !== 'en');
      const nix =
        v.includes('[unixodbc]') ||
        /tcpprovider:errorcode0x/.test(v) ||
        v.includes('interop+crypto') ||
        v.includes('interop+openssl') ||
        v.includes('libmsodbcsql') ||
        v.includes('/opt/microsoft') ||
        hits.some((h) => h.rule.platform === 'linux-macos') ||
        (osslHit !== undefined &&
          facts.driver !== 'Node (tedious)' &&
          facts.driver !== 'Go (go-mssqldb)' &&
          facts.driver !== 'JDBC');
      if (v.includes('wsarecv') || v.includes('wsasend')) facts.clientPlatform = 'windows';
      else if (nix && !win) facts.clientPlatform = 'linux-macos';
      else if (win && !nix) facts.clientPlatform = 'windows';
      else if (nix) facts.clientPlatform = 'linux-macos';
      else if (hits.some((h) => h.rule.platform === 'java')) facts.clientPlatform = 'java';
    }
    if (
      facts.family === 'handshake-reset' &&
      facts.clientPlatform === 'linux-macos' &&
      facts.scenarioHints.length === 0
    ) {
      addHint(
        R_PROTO,
        "A Linux/macOS client (OpenSSL) whose connection is reset: the usual cause is the client's minimum TLS version against a server without TLS 1.2.",
        'weak',
      );
    }

    // ---- language ----
    const localized = hits.find((h) => h.rule.lang !== undefined && h.rule.lang !== 'en');
    let localPhrase: string | null = null;
    if (!localized) {
      for (const h of hits) {
        for (const p of h.rule.squeezed) {
          if (/[^\x20-\x7e]/.test(p) && v.includes(p)) {
            localPhrase = p;
            break;
          }
        }
        if (localPhrase) break;
      }
    }
    if (localized) facts.language = localized.rule.lang ?? null;
    else if (localPhrase) facts.language = detectScriptLanguage(localPhrase) ?? latinLanguage(localPhrase);
    if (facts.language === null && hits.length > 0) facts.language = 'en';

    if (facts.family === 'unrecognized') {
      problems.push({
        code: 'no-known-error',
        severity: 'info',
        message:
          'No connection error this tool knows was found. It reads messages from SqlClient, SSMS, ODBC/sqlcmd, OLE DB, JDBC, Go, Node (tedious) and Python drivers, such as "An existing connection was forcibly closed by the remote host".',
      });
    }
  } catch (error) {
    problems.push({
      code: 'parser-error',
      severity: 'error',
      message: `The text could not be read completely (${error instanceof Error ? error.message : 'unknown error'}).`,
    });
  }
  return { kind: 'client-error', facts, evidence, problems };
}

function latinLanguage(s: string): string | null {
  if (/ção|conexão|êxito|logon|não/.test(s)) return 'pt';
  if (/[éèêàç]|connexion|serveur/.test(s)) return 'fr';
  if (/[äöüß]|verbindung|anmeld/.test(s)) return 'de';
  if (/ção|conexão|êxito|logon/.test(s)) return 'pt';
  if (/sesión|conexión/.test(s)) return 'es';
  return null;
}

// ---------------------------------------------------------------------------------------------------
// sniff
// ---------------------------------------------------------------------------------------------------

const SNIFF_STRONG = [
  'forcibly closed',
  'pre-login handshake',
  'during the login process',
  'error occurred while establishing a connection',
  'client unable to establish connection',
  'sqlexception',
  'sqlserverexception',
  '(provider:',
  'tcp provider',
  'ssl provider',
  'error code 0x2746',
  'win32exception',
  'transport-level error',
  'login timeout expired',
  'connection timeout expired',
  'sqlcmd: error',
  'odbc driver',
  'native client',
  'dbnetlib',
  'cannot generate sspi context',
  'could not establish a secure connection',
  'econnreset',
  'sqldriverconnect',
  'ssl routines',
  'actively refused',
  'vom remotehost geschlossen',
  "l'hôte distant",
  'host remoto',
  '远程主机强迫关闭',
  'リモート ホストに強制的に切断',
  'tls handshake',
  'handshake failed',
  'login failed for user',
  'you attempted to connect to',
  'does not support encryption',
  'could not open a connection to sql server',
  'named pipes provider',
  'network-related or instance-specific error',
];
const SNIFF_WEAK = ['10054', 'sql server', 'connection', 'remote host', 'error', 'exception'];
const ERRORLOG_MARK =
  /(?:^|\n)\s{0,4}\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}[.,]\d{1,7}\s+(?:spid\d{1,6}s?|server|logon)\b/;
const SCHANNEL_MARKS = new PhraseSet([
  'fatal alert',
  'schannel',
  'cipher suites supported by the client',
  'tls protocol defined',
]);

// two sets counted separately: counting allocates nothing, where one set's firstIndexes() would allocate an
// array of 44 offsets for every block of a paste (a typed array that large is not cheap to create in V8)
const SNIFF_STRONG_PHRASES = new PhraseSet(SNIFF_STRONG);
const SNIFF_WEAK_PHRASES = new PhraseSet(SNIFF_WEAK);

export function sniffClientError(input: string): number {
  if (typeof input !== 'string' || input.length === 0) return 0;
  const t = lowerHead(input, 64 * 1024);
  const strong = SNIFF_STRONG_PHRASES.countPresent(t);
  const weak = SNIFF_WEAK_PHRASES.countPresent(t);
  let score = strong >= 3 ? 0.95 : strong === 2 ? 0.85 : strong === 1 ? 0.65 : weak >= 3 ? 0.25 : 0;
  // what follows only lowers the score
  if (score === 0) return 0;
  if (strong > 0 && weak >= 2) score = Math.min(1, score + 0.05);
  const head = t.length > 8192 ? t.slice(0, 8192) : t;
  if (
    ERRORLOG_MARK.test(t.slice(0, 4096)) ||
    // the literal first: most blocks lack it, and the pattern cannot match without it
    (head.includes(', severity: ') && /error: \d{4,5}, severity: \d{1,2}, state: \d{1,3}/.test(head))
  ) {
    score = Math.min(score, 0.3);
  }
  // a phrase set, not an alternation that tries every phrase at every offset (its filter is already built
  // for this block by the look-ups above)
  if (SCHANNEL_MARKS.someOccur(head) && !t.includes('sqlexception')) score = Math.min(score, 0.3);
  // server-side wording of ERRORLOG messages (17830 and friends) pasted without timestamps
  if (t.includes('network error code 0x') || t.includes('was successfully loaded for encryption'))
    score = Math.min(score, 0.3);
  return score;
}

export const clientErrorParser: ArtifactParser<'client-error', ClientErrorFacts> = {
  kind: 'client-error',
  sniff: sniffClientError,
  parse: parseClientError,
};
