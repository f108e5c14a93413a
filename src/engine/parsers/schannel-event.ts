/**
 * Schannel event parser: System-log events from the Schannel provider, as pasted from Event Viewer
 * (General tab text, "Copy details as text", the Details XML view), `Get-WinEvent | Format-List`,
 * `Get-WinEvent` tables, `wevtutil qe System /f:text` and `/f:xml`, or just the message sentences.
 *
 * It reads 36874 (no common cipher suite), 36887 (fatal alert received), 36888 (fatal alert generated
 * and sent; three wordings across Windows versions), 36870 (private key access), 36871 (credential
 * creation; state 10013 = no protocol enabled for that role), and recognises 36864, 36867, 36868, 36869,
 * 36872, 36875, 36876, 36877, 36880, 36881, 36882, 36883, 36884, 36886, 36889.
 *
 * English messages are matched on a whitespace-free view (so console wrapping, even mid-word, does not
 * matter). Localized messages (French, Chinese, German, Spanish, Japanese, ...): their exact wording could
 * not be verified against Windows' own resources, so they are read by structure: the event id (from the
 * header label, the XML <EventID>, a table column) plus the numbers in the description (alert, then
 * error state), and the XML <Data Name="AlertDesc"> / "ErrorState" values, whose names are never
 * translated. A few keywords ("alerte fatale", "致命警报", ...) only help find the description.
 */

import { evidenceAt, type Evidence, type ParseResult, type Problem } from '../model';
import { addHint, type ScenarioHint } from './text/hints';
import {
  normalizeKeepScratch,
  squeezedSpan,
  squeezeIndexScratch,
  toOriginalSpan,
  type MappedText,
  type SqueezedText,
} from './text/normalize';
import { lowerHead, PhraseSet } from './text/phrases';
import type { ArtifactParser } from './types';
import { TLS_ALERTS } from '../knowledge-tables/tls-alerts';

export type SchannelDirection = 'received' | 'sent';

export interface SchannelEvent {
  eventId: number | null;
  /** TLS alert description code (36887 / 36888) */
  alert: number | null;
  /** IANA name, e.g. 'handshake_failure' */
  alertName: string | null;
  /** Schannel internal error state */
  state: number | null;
  /** e.g. 'TLS 1.2' (36874, 36880) */
  protocol: string | null;
  /** 'received' for 36887, 'sent' for 36888 */
  direction: SchannelDirection | null;
  /** which credential / side: 'client' or 'server' */
  role: 'client' | 'server' | null;
  /** cryptographic module / validation error code, e.g. '0x8009030d' */
  errorCode: string | null;
  /** 36880: negotiated cipher suite id as printed, e.g. '0xc030' */
  cipherSuite: string | null;
  meaning: string;
  scenarioHints: ScenarioHint[];
  timestamp: string | null;
  computer: string | null;
  /** read by structure (localized or truncated text): the numbers were taken in order */
  byStructure: boolean;
}

export type SchannelFormat =
  'event-viewer-details' | 'xml' | 'format-list' | 'table' | 'wevtutil-text' | 'message' | 'unknown';

export interface SchannelEventFacts {
  /** the most telling event's fields (see `events` for all) */
  eventId: number | null;
  alert: number | null;
  alertName: string | null;
  state: number | null;
  protocol: string | null;
  direction: SchannelDirection | null;
  role: 'client' | 'server' | null;
  errorCode: string | null;
  events: SchannelEvent[];
  scenarioHints: ScenarioHint[];
  format: SchannelFormat;
  /** 'en' when English messages were read, 'fr', 'zh', ... when a localized header or text was seen */
  language: string | null;
}

export type SchannelEventResult = ParseResult<'schannel-event', SchannelEventFacts>;

// ---------------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------------

export { TLS_ALERTS };

const EVENT_MEANINGS: Record<number, string> = {
  36864: 'Schannel loaded (information only).',
  36867: 'Schannel created a TLS credential (information only).',
  36868: "Shows the provider and key type of a TLS credential's private key (information only).",
  36869:
    "A TLS credential's certificate has no private key attached: imported without its key or badly restored.",
  36870:
    'Schannel could not use the private key of a TLS credential: on a SQL Server, the service account usually cannot read the key, or the key is unusable.',
  36871: 'Schannel could not create a TLS credential.',
  36872: "The certificate's chain could not be built.",
  36874:
    'A client asked for a TLS connection but offered no cipher suite this server accepts: no common cipher suite.',
  36875: 'The server asked for a client certificate and none was suitable.',
  36876:
    "The server's certificate did not validate on this client (a trust problem, not this article's reset).",
  36877: "A client's certificate did not validate on this server.",
  36880: 'A TLS handshake completed; the event shows the negotiated version and cipher suite.',
  36881: 'A certificate has expired or is not yet valid.',
  36882: 'A certificate was issued by an untrusted authority (a trust problem, not this article).',
  36883: 'A certificate has been revoked.',
  36884: 'A certificate does not contain the expected name (a name problem, not this article).',
  36886: 'No suitable default server credential (certificate) exists on this machine.',
  36887: 'This machine received a fatal TLS alert from the other side.',
  36888: 'This machine generated a fatal TLS alert, sent it to the other side and ended the handshake.',
  36889: "A certificate's chain is incomplete (intermediate missing).",
};

const ALERT_MEANINGS: Record<number, string> = {
  10: 'unexpected_message: the two TLS stacks disagree (seen between Windows Server 2012 R2 and newer peers, and with DHE).',
  20: 'bad_record_mac: a record failed its integrity check, typical of TLS_DHE suites and of the DHE leading-zero bug.',
  40: 'handshake_failure: no cipher suite or certificate both sides can use.',
  42: 'bad_certificate: the certificate is unusable.',
  43: "unsupported_certificate: the certificate's type or signature algorithm is not accepted.",
  46: 'certificate_unknown: the certificate could not be validated (trust).',
  48: "unknown_ca: the certificate's issuer is not trusted.",
  51: 'decrypt_error: a signature or Finished check failed.',
  70: 'protocol_version: no TLS version in common.',
  71: 'insufficient_security: the offered suites are too weak for the peer.',
  80: 'internal_error: a local failure (key access, provider); look for 36870 / 36871.',
};

// English message patterns on the squeezed lowercase view
interface MsgPattern {
  eventId: number;
  /** sticky: tried only where `key` says a match may start (see nextMessage) */
  re: RegExp;
  /** text every match contains */
  key: string;
  /** at most this many characters of a match come before `key` */
  before: number;
  /** fills fields from the match */
  read?: (m: RegExpExecArray, e: SchannelEvent) => void;
}

const roleOf = (s: string | undefined): 'client' | 'server' | null =>
  s === 'client' ? 'client' : s === 'server' ? 'server' : null;
const protoOf = (family: string | undefined, ver: string | undefined): string | null => {
  if (!family || !ver) return null;
  const f = family.toUpperCase();
  return `${f === 'DTLS' ? 'DTLS' : f} ${ver}`;
};

const MSG_PATTERNS: MsgPattern[] = [
  {
    eventId: 36888,
    re: /afatalalertwasgeneratedandsenttotheremoteendpoint\.?.{0,120}?thetlsprotocoldefinedfatal(?:alert|error)codeis([0-9]{1,3})(?:\.?thewindowsschannelerrorstateis([0-9]{1,6}))?/y,
    key: 'afatalalertwasgeneratedandsenttotheremoteendpoint',
    before: 0,
    read: (m, e) => {
      e.alert = Number(m[1]);
      if (m[2]) e.state = Number(m[2]);
    },
  },
  {
    eventId: 36888,
    re: /thefollowingfatalalertwasgenerated:([0-9]{1,3})(?:\.?theinternalerrorstateis([0-9]{1,6}))?/y,
    key: 'thefollowingfatalalertwasgenerated:',
    before: 0,
    read: (m, e) => {
      e.alert = Number(m[1]);
      if (m[2]) e.state = Number(m[2]);
    },
  },
  {
    eventId: 36888,
    re: /afatalalertwasgeneratedandsenttotheremoteendpoint/y,
    key: 'afatalalertwasgeneratedandsenttotheremoteendpoint',
    before: 0,
  },
  {
    eventId: 36887,
    re: /afatalalertwasreceivedfromtheremoteendpoint\.?.{0,60}?thetlsprotocoldefinedfatalalertcodeis([0-9]{1,3})/y,
    key: 'afatalalertwasreceivedfromtheremoteendpoint',
    before: 0,
    read: (m, e) => {
      e.alert = Number(m[1]);
    },
  },
  {
    eventId: 36887,
    re: /thefollowingfatalalertwasreceived:([0-9]{1,3})/y,
    key: 'thefollowingfatalalertwasreceived:',
    before: 0,
    read: (m, e) => {
      e.alert = Number(m[1]);
    },
  },
  {
    eventId: 36887,
    re: /afatalalertwasreceivedfromtheremoteendpoint/y,
    key: 'afatalalertwasreceivedfromtheremoteendpoint',
    before: 0,
  },
  {
    eventId: 36874,
    re: /an?(tls|ssl|dtls)([0-9]\.[0-9])connectionrequestwasreceivedfromaremoteclientapplication,?butnoneofthecipher/y,
    key: 'connectionrequestwasreceivedfromaremoteclientapplication',
    before: 9,
    read: (m, e) => {
      e.protocol = protoOf(m[1], m[2]);
      e.role = 'server';
    },
  },
  {
    eventId: 36874,
    re: /connectionrequestwasreceivedfromaremoteclientapplication,?butnoneofthecipher/y,
    key: 'connectionrequestwasreceivedfromaremoteclientapplication',
    before: 0,
    read: (_m, e) => {
      e.role = 'server';
    },
  },
  {
    eventId: 36870,
    re: /afatalerroroccurredwhenattemptingtoaccessthe(?:tls|ssl)(?:[0-9]\.[0-9])?(client|server)credentialprivatekey(?:\.?theerrorcodereturnedfromthecryptographicmoduleis(0x[0-9a-f]{1,8}))?(?:\.?theinternalerrorstateis([0-9]{1,6}))?/y,
    key: 'afatalerroroccurredwhenattemptingtoaccessthe',
    before: 0,
    read: (m, e) => {
      e.role = roleOf(m[1]);
      if (m[2]) e.errorCode = m[2];
      if (m[3]) e.state = Number(m[3]);
    },
  },
  {
    eventId: 36871,
    re: /afatalerroroccurredwhilecreatingan?(?:tls|ssl)(?:[0-9]\.[0-9])?(client|server)credential(?:\.?theinternalerrorstateis([0-9]{1,6}))?/y,
    key: 'afatalerroroccurredwhilecreatinga',
    before: 0,
    read: (m, e) => {
      e.role = roleOf(m[1]);
      if (m[2]) e.state = Number(m[2]);
    },
  },
  {
    eventId: 36869,
    re: /the(?:tls|ssl)(client|server)credential'scertificatedoesnothaveaprivatekeyinformationproperty/y,
    key: "credential'scertificatedoesnothaveaprivatekeyinformationproperty",
    before: 12,
    read: (m, e) => {
      e.role = roleOf(m[1]);
    },
  },
  {
    eventId: 36880,
    re: /an?(?:tls|ssl)(?:[0-9]\.[0-9])?(client|server)handshakecompletedsuccessfully(?:.{0,120}?protocolversion:(tls|ssl)([0-9]\.[0-9]))?(?:.{0,40}?ciphersuite:(0x[0-9a-f]{1,4}))?/y,
    key: 'handshakecompletedsuccessfully',
    before: 14,
    read: (m, e) => {
      e.role = roleOf(m[1]);
      e.protocol = protoOf(m[2], m[3]);
      if (m[4]) e.cipherSuite = m[4];
    },
  },
  {
    eventId: 36876,
    re: /thecertificatereceivedfromtheremoteserverhasnotvalidatedcorrectly(?:\.?theerrorcodeis(0x[0-9a-f]{1,8}))?/y,
    key: 'thecertificatereceivedfromtheremoteserverhasnotvalidatedcorrectly',
    before: 0,
    read: (m, e) => {
      e.role = 'client';
      if (m[1]) e.errorCode = m[1];
    },
  },
  {
    eventId: 36877,
    re: /thecertificatereceivedfromtheremoteclientapplicationhasnotvalidatedcorrectly(?:\.?theerrorcodeis(0x[0-9a-f]{1,8}))?/y,
    key: 'thecertificatereceivedfromtheremoteclientapplicationhasnotvalidatedcorrectly',
    before: 0,
    read: (m, e) => {
      e.role = 'server';
      if (m[1]) e.errorCode = m[1];
    },
  },
  {
    eventId: 36864,
    re: /theschannelsecuritypackagehasloadedsuccessfully/y,
    key: 'theschannelsecuritypackagehasloadedsuccessfully',
    before: 0,
  },
  {
    eventId: 36867,
    re: /creatingan?(?:tls|ssl)(client|server)credential/y,
    key: 'creatinga',
    before: 0,
    read: (m, e) => {
      e.role = roleOf(m[1]);
    },
  },
  {
    eventId: 36868,
    re: /the(?:tls|ssl)(client|server)credential'sprivatekeyhasthefollowingproperties/y,
    key: "credential'sprivatekeyhasthefollowingproperties",
    before: 12,
    read: (m, e) => {
      e.role = roleOf(m[1]);
    },
  },
  {
    eventId: 36872,
    re: /specifiedcertificate'schaincouldnotberetrieved|certificatechaincouldnotberetrieved/y,
    key: 'chaincouldnotberetrieved',
    before: 22,
  },
  {
    eventId: 36875,
    re: /requestedtlsclientauthentication,?butnosuitableclientcertificate|requestedclientauthentication,?butnosuitable/y,
    key: 'requested',
    before: 0,
  },
  { eventId: 36881, re: /hasexpiredorisnotyetvalid/y, key: 'hasexpiredorisnotyetvalid', before: 0 },
  {
    eventId: 36882,
    re: /wasissuedbyanuntrustedcertificateauthority|issuedbyanuntrustedcertificateauthority/y,
    key: 'issuedbyanuntrustedcertificateauthority',
    before: 3,
  },
  {
    eventId: 36883,
    re: /certificatereceivedfromtheremote(?:server|clientapplication)hasbeenrevoked/y,
    key: 'certificatereceivedfromtheremote',
    before: 0,
  },
  { eventId: 36884, re: /doesnotcontaintheexpectedname/y, key: 'doesnotcontaintheexpectedname', before: 0 },
  {
    eventId: 36886,
    re: /nosuitabledefaultservercredentialexists/y,
    key: 'nosuitabledefaultservercredentialexists',
    before: 0,
  },
  {
    eventId: 36889,
    re: /specifiedcertificate'schainisincomplete|chainisincomplete/y,
    key: 'chainisincomplete',
    before: 22,
  },
];

/** the message keys, each once */
const MSG_KEYS = [...new Set(MSG_PATTERNS.map((p) => p.key))];
/** for each key, the other keys that can start at the same place (one is the start of the other) */
const MSG_KEYS_ALIKE = new Map(
  MSG_KEYS.map((key) => [key, MSG_KEYS.filter((k) => k !== key && (k.startsWith(key) || key.startsWith(k)))]),
);
/** any message key (literal text, so linear: each position is compared with the keys' first characters) */
const MSG_KEY_SCAN = new RegExp(MSG_KEYS.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');

function addOccurrence(out: Map<string, number[]>, key: string, at: number): void {
  const list = out.get(key);
  if (list) list.push(at);
  else out.set(key, [at]);
}

/**
 * Where each message key occurs in the squeezed view (sorted offsets). One scan for all keys: one regular
 * expression of literal alternatives read the 1 MB bench paste about twice as fast as one indexOf per key.
 */
export function keyOccurrences(text: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  MSG_KEY_SCAN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MSG_KEY_SCAN.exec(text)) !== null) {
    const at = m.index;
    // the scan names one key per position: another key can start there only if one starts the other
    addOccurrence(out, m[0], at);
    for (const key of MSG_KEYS_ALIKE.get(m[0]) ?? [])
      if (text.startsWith(key, at)) addOccurrence(out, key, at);
    MSG_KEY_SCAN.lastIndex = at + 1;
  }
  return out;
}

/**
 * The first match of a message pattern starting at or after `from`: exactly what a global search from
 * `from` finds. A match contains `key` with at most `before` characters ahead of it, so only those few
 * positions before each occurrence of `key` (`occurrences`, sorted) can start one, and the sticky pattern is
 * tried there alone, in increasing order, instead of 25 regular expressions each reading the whole view.
 */
export function nextMessage(
  p: Pick<MsgPattern, 're' | 'key' | 'before'>,
  text: string,
  from: number,
  occurrences: readonly number[],
): RegExpExecArray | null {
  // the first occurrence at or after `from` (binary search)
  let lo = 0;
  let hi = occurrences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (occurrences[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  /** positions before `pos` cannot start a match */
  let pos = from;
  for (let j = lo; j < occurrences.length; j++) {
    const at = occurrences[j]!;
    for (let s = Math.max(pos, at - p.before); s <= at; s++) {
      p.re.lastIndex = s;
      const m = p.re.exec(text);
      if (m) return m;
    }
    pos = at + 1;
  }
  return null;
}

export { MSG_PATTERNS };

const KNOWN_IDS = new Set(Object.keys(EVENT_MEANINGS).map(Number));

/** Header labels in Event Viewer "Copy details as text", wevtutil text and Format-List, several languages. */
const ID_LABEL =
  /^[ \t]{0,8}(Event ID|EventID|Id|ID de l['’]événement|ID de l['’]évènement|Ereignis-ID|ID del evento|Id\. do Evento|ID do Evento|事件 ID|事件ID|イベント ID|イベントID|이벤트 ID)[ \t]{0,16}[:：][ \t]{0,24}([0-9]{4,5})\b/;
const LOCALIZED_LABELS: [RegExp, string][] = [
  [/^[ \t]{0,8}(?:Nom du journal|Source|ID de l['’]év[éè]nement|Niveau|Ordinateur|Date)[ \t]{0,8}:/, 'fr'],
  [/^[ \t]{0,8}(?:日志名称|来源|事件 ?ID|级别|计算机|日期)[ \t]{0,8}[:：]/, 'zh'],
  [/^[ \t]{0,8}(?:Protokollname|Quelle|Ereignis-ID|Ebene|Computer)[ \t]{0,8}:/, 'de'],
  [/^[ \t]{0,8}(?:Nombre de registro|Origen|Id\. del evento|ID del evento|Nivel|Equipo)[ \t]{0,8}:/, 'es'],
  [/^[ \t]{0,8}(?:ログの名前|ソース|イベント ?ID|レベル|コンピューター)[ \t]{0,8}[:：]/, 'ja'],
];
const RECORD_START =
  /^[ \t]{0,8}(?:Event\[[0-9]{1,7}\][ \t]{0,4}:|Log Name[ \t]{0,8}:|TimeCreated[ \t]{0,8}:|Nom du journal[ \t]{0,8}:|日志名称[ \t]{0,4}[:：]|Protokollname[ \t]{0,8}:|Nombre de registro[ \t]{0,8}:|ログの名前[ \t]{0,4}[:：])/;
const XML_EVENT_START = /^[ \t]{0,8}<Event[ \t>]/;
/** a colon, ASCII or full-width */
const COLON = /[:：]/;

/** Lines that name a label the localized label patterns share with English. */
const ENGLISH_SHARED_LABEL = /^[ \t]{0,8}(?:Source|Date|Computer)[ \t]{0,8}:/;

const XML_HEADER_LINE =
  /^[ \t]{0,8}(?:Event Xml|XML de l['’]événement|事件 XML|Ereignis-XML|XML del evento)[ \t]{0,4}[:：]/i;
const TABLE_ROW =
  /^[ \t]{0,8}(\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}[ \t]{1,4}\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp][Mm])?)[ \t]{1,40}(3[0-9]{4})[ \t]{1,40}(\S{1,20})[ \t]{1,40}(\S.{0,3000})$/;
const TIME_LABEL = /^[ \t]{0,8}(?:Date|TimeCreated|日期|Datum|Fecha)[ \t]{0,16}[:：][ \t]{0,24}(\S.{0,60})$/;
const COMPUTER_LABEL =
  /^[ \t]{0,8}(?:Computer|MachineName|Ordinateur|计算机|Computername|Equipo|コンピューター)[ \t]{0,16}[:：][ \t]{0,24}(\S.{0,120})$/;
const DESCRIPTION_LABEL =
  /^[ \t]{0,8}(?:Description|Message|Beschreibung|Descripción|描述|説明|Descrição)[ \t]{0,8}[:：]/;

/*
 * Most lines of a paste are not labels. Every label pattern above starts `^[ \t]{0,8}` and then one of a few
 * words, so a line is tested against a pattern only when its first visible character (within 8 spaces or
 * tabs of the line start) is one those words start with: a table look-up instead of a regular expression.
 */
const firstChars = (chars: string): ReadonlySet<number> => new Set(Array.from(chars, (c) => c.charCodeAt(0)));
/** first characters of the labels of each pattern (tests check every label against them) */
export const LABEL_FIRST = {
  record: firstChars('ELTN日Pロ'),
  xmlHeader: firstChars('EeXx事'),
  localized: firstChars('NSIODCPQE日来事级计ロソイレコ'),
  /** each of LOCALIZED_LABELS (fr, zh, de, es, ja) */
  localizedByLanguage: ['NSIOD', '日来事级计', 'PQEC', 'NOIE', 'ロソイレコ'].map(firstChars),
  englishShared: firstChars('SDC'),
  id: firstChars('EI事イ이'),
  time: firstChars('DTF日'),
  computer: firstChars('CMOE计コ'),
  description: firstChars('DMB描説'),
};
/** the label patterns with their first characters, for the tests */
export const LABEL_PATTERNS: [RegExp, ReadonlySet<number>][] = [
  [RECORD_START, LABEL_FIRST.record],
  [XML_HEADER_LINE, LABEL_FIRST.xmlHeader],
  ...LOCALIZED_LABELS.map(([re]): [RegExp, ReadonlySet<number>] => [re, LABEL_FIRST.localized]),
  ...LOCALIZED_LABELS.map(([re], i): [RegExp, ReadonlySet<number>] => [
    re,
    LABEL_FIRST.localizedByLanguage[i] ?? new Set(),
  ]),
  [ENGLISH_SHARED_LABEL, LABEL_FIRST.englishShared],
  [ID_LABEL, LABEL_FIRST.id],
  [TIME_LABEL, LABEL_FIRST.time],
  [COMPUTER_LABEL, LABEL_FIRST.computer],
  [DESCRIPTION_LABEL, LABEL_FIRST.description],
];

/** LABEL_FIRST as one look-up per line: for each character code, a bit per label pattern it may start */
const LEAD_RECORD = 1;
const LEAD_XML_HEADER = 2;
const LEAD_LOCALIZED = 4;
const LEAD_ID = 8;
const LEAD_TIME = 16;
const LEAD_COMPUTER = 32;
const LEAD_DESCRIPTION = 64;
const LEAD_ENGLISH_SHARED = 128;
/** for each character code, a bit per language of LOCALIZED_LABELS whose labels may start with it */
const LEAD_LANGUAGES = new Uint8Array(0x10000);
LABEL_FIRST.localizedByLanguage.forEach((set, i) => {
  for (const c of set) LEAD_LANGUAGES[c] = (LEAD_LANGUAGES[c] ?? 0) | (1 << i);
});
/** Label words by their first character: whether one of them stands at an offset of a text. */
class Words {
  private readonly byFirst = new Map<number, string[]>();
  constructor(words: readonly string[]) {
    for (const word of words) {
      const c = word.charCodeAt(0);
      this.byFirst.set(c, [...(this.byFirst.get(c) ?? []), word]);
    }
  }
  at(text: string, at: number): boolean {
    const words = this.byFirst.get(text.charCodeAt(at));
    if (!words) return false;
    for (const w of words) if (text.startsWith(w, at)) return true;
    return false;
  }
}

/** the words each label pattern needs where a line's first visible character is */
const RECORD_WORDS = new Words([
  'Event[',
  'Log Name',
  'TimeCreated',
  'Nom du journal',
  '日志名称',
  'Protokollname',
  'Nombre de registro',
  'ログの名前',
]);
const TIME_WORDS = new Words(['Date', 'TimeCreated', '日期', 'Datum', 'Fecha']);
const COMPUTER_WORDS = new Words([
  'Computer',
  'MachineName',
  'Ordinateur',
  '计算机',
  'Computername',
  'Equipo',
  'コンピューター',
]);
const DESCRIPTION_WORDS = new Words([
  'Description',
  'Message',
  'Beschreibung',
  'Descripción',
  '描述',
  '説明',
  'Descrição',
]);
/** the label patterns with the test of their words, for the tests */
export const LABEL_WORDS: [RegExp, (text: string, at: number) => boolean][] = [
  [RECORD_START, (text, at) => RECORD_WORDS.at(text, at)],
  [TIME_LABEL, (text, at) => TIME_WORDS.at(text, at)],
  [COMPUTER_LABEL, (text, at) => COMPUTER_WORDS.at(text, at)],
  [DESCRIPTION_LABEL, (text, at) => DESCRIPTION_WORDS.at(text, at)],
];
const LEAD_FLAGS = new Uint8Array(0x10000);
for (const [set, bit] of [
  [LABEL_FIRST.record, LEAD_RECORD],
  [LABEL_FIRST.xmlHeader, LEAD_XML_HEADER],
  [LABEL_FIRST.localized, LEAD_LOCALIZED],
  [LABEL_FIRST.id, LEAD_ID],
  [LABEL_FIRST.time, LEAD_TIME],
  [LABEL_FIRST.computer, LEAD_COMPUTER],
  [LABEL_FIRST.description, LEAD_DESCRIPTION],
  [LABEL_FIRST.englishShared, LEAD_ENGLISH_SHARED],
] as const)
  for (const c of set) LEAD_FLAGS[c] = (LEAD_FLAGS[c] ?? 0) | bit;

const XML_DATA = /<Data Name=["']([A-Za-z]{1,40})["'][ \t]{0,4}>([^<]{0,200})<\/Data>/g;
const XML_EVENTID = /<EventID(?:[ \t][^>]{0,80})?>([0-9]{4,5})<\/EventID>/;
const XML_TIME = /<TimeCreated SystemTime=["']([^"']{1,40})["']/;
const XML_COMPUTER = /<Computer>([^<]{1,120})<\/Computer>/;

// ---------------------------------------------------------------------------------------------------
// Parse
// ---------------------------------------------------------------------------------------------------

interface Rec {
  /** original offsets */
  start: number;
  end: number;
  kind: SchannelFormat;
  declaredId: number | null;
  idSpan: [number, number] | null;
  /** the XML <Data Name="..."> values (null: none) */
  data: Map<string, { value: string; start: number; end: number }> | null;
  timestamp: string | null;
  computer: string | null;
  /** description text lines (keep view offsets) for structural reading */
  descStart: number | null;
  language: string | null;
  tableMessage: { start: number; end: number } | null;
}

const MAX_INPUT = 2_000_000;

function newRec(startOrig: number, kind: SchannelFormat, end: number): Rec {
  return {
    start: startOrig,
    end,
    kind,
    declaredId: null,
    idSpan: null,
    data: null,
    timestamp: null,
    computer: null,
    descStart: null,
    language: null,
    tableMessage: null,
  };
}

/** The offset of the first `sign` at or after `from` in `text`, or text.length + 1 when there is none. */
function nextOf(text: string, sign: string, from: number): number {
  const at = text.indexOf(sign, from);
  return at < 0 ? text.length + 1 : at;
}

const MAX_EVENTS = 1000;

function emptyEvent(): SchannelEvent {
  return {
    eventId: null,
    alert: null,
    alertName: null,
    state: null,
    protocol: null,
    direction: null,
    role: null,
    errorCode: null,
    cipherSuite: null,
    meaning: '',
    scenarioHints: [],
    timestamp: null,
    computer: null,
    byStructure: false,
  };
}

function emptyFacts(): SchannelEventFacts {
  return {
    eventId: null,
    alert: null,
    alertName: null,
    state: null,
    protocol: null,
    direction: null,
    role: null,
    errorCode: null,
    events: [],
    scenarioHints: [],
    format: 'unknown',
    language: null,
  };
}

/** Finds the view index of the first character at or after an original offset (binary search). */
function viewIndexAt(view: MappedText, orig: number): number {
  let lo = 0;
  let hi = view.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((view.starts[mid] ?? 0) < orig) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The meanings already written, by event id, alert, state and role (a paste repeats the same few events:
 * each sentence is built once). Only events without a protocol, whose numbers fit the key, are kept.
 */
const MEANINGS = new Map<number, string>();
const ROLE_KEY = { client: 1, server: 2 } as const;

/** The key of an event's meaning in MEANINGS, or -1 when it is not kept there. */
function meaningKey(e: SchannelEvent): number {
  const id = e.eventId === null ? 0 : e.eventId + 1;
  const alert = e.alert === null ? 0 : e.alert + 1;
  const state = e.state === null ? 0 : e.state + 1;
  if (
    e.protocol !== null ||
    !Number.isInteger(id) ||
    !Number.isInteger(alert) ||
    !Number.isInteger(state) ||
    id < 0 ||
    id > 0x1ffff ||
    alert < 0 ||
    alert > 0x3ff ||
    state < 0 ||
    state > 0xfffff
  )
    return -1;
  const role = e.role === null ? 0 : ROLE_KEY[e.role];
  return ((id * 0x400 + alert) * 0x100000 + state) * 4 + role;
}

/** The event's meaning: what the event id, the alert and the state say (alertName already set). */
function meaningOf(e: SchannelEvent): string {
  const key = meaningKey(e);
  if (key < 0) return writeMeaning(e);
  let meaning = MEANINGS.get(key);
  if (meaning === undefined) {
    meaning = writeMeaning(e);
    if (MEANINGS.size < 4096) MEANINGS.set(key, meaning);
  }
  return meaning;
}

function writeMeaning(e: SchannelEvent): string {
  const parts: string[] = [];
  parts.push(
    e.eventId !== null
      ? (EVENT_MEANINGS[e.eventId] ?? `Schannel event ${e.eventId}.`)
      : 'A Schannel message.',
  );
  if (e.alert !== null) {
    parts.push(
      `Alert ${e.alert}${e.alertName ? ` (${e.alertName})` : ''}${ALERT_MEANINGS[e.alert] ? `: ${ALERT_MEANINGS[e.alert]?.replace(/^[a-z_]+: /, '')}` : '.'}`,
    );
  }
  if (e.eventId === 36871 && e.state === 10013) {
    parts.push(
      `State 10013: no TLS/SSL protocol is enabled for this ${e.role ?? 'client or server'} role on this machine (SCHANNEL Protocols keys or the application's own settings).`,
    );
  } else if (e.state !== null) {
    parts.push(`Internal error state ${e.state}.`);
  }
  if (e.protocol) parts.push(`Protocol: ${e.protocol}.`);
  return parts.join(' ');
}

function completeEvent(e: SchannelEvent): void {
  if (e.eventId === 36887) e.direction = 'received';
  if (e.eventId === 36888) e.direction = 'sent';
  if (e.alert !== null) e.alertName = TLS_ALERTS[e.alert] ?? null;
  e.meaning = meaningOf(e);

  const h = e.scenarioHints;
  switch (e.eventId) {
    case 36874:
      addHint(
        h,
        'cipher-suite-mismatch',
        'Schannel 36874: the client offered no cipher suite the server accepts.',
        'strong',
      );
      break;
    case 36871:
      if (e.state === 10013)
        addHint(
          h,
          'tls-protocol-mismatch',
          'Schannel 36871 state 10013: no TLS version is enabled for this role on this machine.',
          'strong',
        );
      break;
    default:
      break;
  }
  switch (e.alert) {
    case 40:
      addHint(
        h,
        'cipher-suite-mismatch',
        'Alert 40 (handshake_failure): no common cipher suite...',
        'strong',
      );
      addHint(
        h,
        'weak-certificate-hash',
        '...or a server certificate that cannot be used with TLS 1.2 (e.g. signed with MD5, SHA-224 or SHA-512).',
        'weak',
      );
      break;
    case 70:
      addHint(h, 'tls-protocol-mismatch', 'Alert 70 (protocol_version): no TLS version in common.', 'strong');
      break;
    case 20:
      addHint(
        h,
        'tls-dhe-ciphers',
        'Alert 20 (bad_record_mac): typical of TLS_DHE suites between Windows versions...',
        'strong',
      );
      addHint(h, 'dhe-leading-zero', '...and of a peer missing the DHE leading-zero fix.', 'strong');
      break;
    case 10:
      addHint(
        h,
        'dhe-leading-zero',
        'Alert 10 (unexpected_message) has been reported with DHE between Windows Server 2012 R2 and newer peers.',
        'weak',
      );
      addHint(
        h,
        'tls-dhe-ciphers',
        'Alert 10 (unexpected_message) with TLS_DHE suites on Windows Server 2012 R2.',
        'weak',
      );
      break;
    case 51:
      addHint(
        h,
        'dhe-leading-zero',
        'Alert 51 (decrypt_error) can come from the DHE leading-zero bug.',
        'weak',
      );
      break;
    case 71:
      addHint(
        h,
        'cipher-suite-mismatch',
        'Alert 71 (insufficient_security): the offered suites are too weak for the peer.',
        'strong',
      );
      break;
    case 42:
    case 43:
      addHint(
        h,
        'weak-certificate-hash',
        `Alert ${e.alert} (${e.alertName}): the certificate or its signature algorithm was refused.`,
        'weak',
      );
      break;
    default:
      break;
  }
}

/** Reads alert/state/protocol from a localized description by structure: numbers in order. */
function readByStructure(desc: string, e: SchannelEvent): void {
  const proto = /\b(TLS|SSL|DTLS)[ \t]?([0-9]\.[0-9])/i.exec(desc);
  if (proto) e.protocol = protoOf(proto[1]?.toLowerCase(), proto[2]);
  const hex = /0x[0-9a-fA-F]{1,8}/.exec(desc);
  if (hex && (e.eventId === 36870 || e.eventId === 36876 || e.eventId === 36877))
    e.errorCode = hex[0].toLowerCase();
  const cleaned = desc
    .replace(/\b(?:TLS|SSL|DTLS)[ \t]?[0-9]\.[0-9]/gi, ' ')
    .replace(/0x[0-9a-fA-F]{1,8}/g, ' ')
    .replace(/\b3[0-9]{4}\b/g, ' ');
  const nums: number[] = [];
  const re = /(?<![0-9.])([0-9]{1,6})(?![0-9.]?[0-9])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(cleaned)) !== null && nums.length < 8) nums.push(Number(m[1]));
  if (/[a-z]/i.test(desc) && /\bclient\b/i.test(desc)) e.role = e.role ?? null;
  if (e.eventId === 36887 || e.eventId === 36888) {
    const alert = nums.find((n) => n <= 255 && TLS_ALERTS[n] !== undefined);
    if (alert !== undefined) {
      e.alert = alert;
      const after = nums.slice(nums.indexOf(alert) + 1).find((n) => n > 255 || n !== alert);
      if (after !== undefined && e.eventId === 36888) e.state = after;
    }
  } else if (e.eventId === 36871 || e.eventId === 36870) {
    const last = nums[nums.length - 1];
    if (last !== undefined) e.state = last;
  }
  e.byStructure = true;
}

/** What the stages of parseSchannelEvent share: the paste, its two views, and the result being built. */
interface EventContext {
  text: string;
  keep: MappedText;
  sq: SqueezedText;
  facts: SchannelEventFacts;
  evidence: Evidence[];
  problems: Problem[];
  /** whether events beyond MAX_EVENTS were left out */
  truncated: boolean;
}

/** Evidence for a span of the line view. */
function evidenceInLineView(
  ctx: EventContext,
  s: number,
  e: number,
  meaning: string,
  fact: string,
): Evidence {
  const o = toOriginalSpan(ctx.keep, s, e);
  return evidenceAt(ctx.text, o.start, o.end, meaning, fact);
}

/** Evidence for a span of the squeezed view. */
function evidenceInSqueezed(
  ctx: EventContext,
  s: number,
  e: number,
  meaning: string,
  fact: string,
): Evidence {
  const o = squeezedSpan(ctx.sq, ctx.keep, s, e);
  return evidenceAt(ctx.text, o.start, o.end, meaning, fact);
}

/**
 * Stage 1 of parseSchannelEvent: the records of the paste (an Event Viewer details block, a wevtutil or
 * Format-List event, an XML event, a table row, or plain message text), read from the line structure of the
 * line view. Offsets: record start/end in the paste, spans inside a record in the line view.
 */
function readRecords(text: string, keep: MappedText): Rec[] {
  const records: Rec[] = [];
  let cur: Rec | null = null;
  let awaitingXml = false;
  const close = (endOrig: number): void => {
    if (cur) {
      cur.end = endOrig;
      records.push(cur);
      cur = null;
    }
  };
  // the lines of the view (as viewLines gives them, capped at 4000 characters), walked by offset
  const kt = keep.text;
  const kn = kt.length;
  /**
   * the next ':', '：', '<' and '[' at or after the current line (kn + 1: none left), each found again only
   * once the walk has passed it: whether a line holds one is a comparison, with no copy of the line and no
   * search of it (each character of the view is searched once per sign in all)
   */
  let colonAt = -1;
  let wideColonAt = -1;
  let ltAt = -1;
  let bracketAt = -1;
  for (let next = 0; next <= kn;) {
    let lineEnd = kt.indexOf('\n', next);
    if (lineEnd < 0) lineEnd = kn;
    /** the line's view offset */
    const ls = next;
    /** the end of the line as read (at most 4000 characters) */
    const le = Math.min(lineEnd, next + 4000);
    next = lineEnd + 1;
    if (le === ls) continue;
    let f0 = 0;
    while (ls + f0 < le && (kt.charCodeAt(ls + f0) === 32 || kt.charCodeAt(ls + f0) === 9)) f0++;
    const c0 = ls + f0 < le ? kt.charCodeAt(ls + f0) : NaN;
    /** the first visible character where a label may start (-1: none can) */
    const lead = f0 <= 8 ? c0 : -1;
    /** which label patterns a line starting with `lead` may match (LEAD_* bits) */
    const leads = lead >= 0 ? (LEAD_FLAGS[lead] ?? 0) : 0;
    if (colonAt < ls) colonAt = nextOf(kt, ':', ls);
    if (ltAt < ls) ltAt = nextOf(kt, '<', ls);
    let hasColon = colonAt < le;
    if (!hasColon) {
      if (wideColonAt < ls) wideColonAt = nextOf(kt, '：', ls);
      hasColon = wideColonAt < le;
    }
    const hasLt = ltAt < le;
    if (!hasColon && !hasLt && !(c0 >= 48 && c0 <= 57)) {
      if (bracketAt < ls) bracketAt = nextOf(kt, '[', ls);
      if (bracketAt >= le) {
        if (!cur) cur = newRec(keep.starts[ls] ?? 0, 'message', text.length);
        continue;
      }
    }
    const t = kt.slice(ls, le);
    const lineOrig = keep.starts[ls] ?? text.length;
    const row = c0 >= 48 && c0 <= 57 ? TABLE_ROW.exec(t) : null;
    if (row && row[2] && row[4]) {
      close(lineOrig);
      const r = newRec(lineOrig, 'table', text.length);
      r.declaredId = Number(row[2]);
      const idAt = ls + t.indexOf(row[2], (row[1] ?? '').length);
      r.idSpan = [idAt, idAt + row[2].length];
      r.timestamp = row[1] ?? null;
      const msgAt = ls + t.lastIndexOf(row[4]);
      r.tableMessage = { start: msgAt, end: msgAt + row[4].length };
      cur = r;
      continue;
    }
    // XML_EVENT_START and RECORD_START need their words where the line's first visible character is
    const xmlStart = lead === 60 && kt.startsWith('<Event', ls + f0) && XML_EVENT_START.test(t);
    if (
      (leads & LEAD_RECORD && RECORD_WORDS.at(kt, ls + f0) && RECORD_START.test(t)) ||
      (xmlStart && !awaitingXml)
    ) {
      const isXml = xmlStart;
      /** /^[ \t]{0,8}Event\[/ */
      const wevtutilHead = lead >= 0 && t.startsWith('Event[', f0);
      const kind: SchannelFormat = isXml
        ? 'xml'
        : wevtutilHead
          ? 'wevtutil-text'
          : lead >= 0 && t.startsWith('TimeCreated', f0)
            ? 'format-list'
            : 'event-viewer-details';
      // wevtutil: "Event[0]:" then "  Log Name:" belong together
      if (!(cur && cur.kind === 'wevtutil-text' && !wevtutilHead && cur.declaredId === null && !isXml)) {
        close(lineOrig);
        cur = newRec(lineOrig, kind, text.length);
      }
    }
    if (!cur) cur = newRec(lineOrig, 'message', text.length);
    if (leads & LEAD_XML_HEADER && XML_HEADER_LINE.test(t)) awaitingXml = true;
    if (xmlStart) awaitingXml = false;
    if (
      !cur.language &&
      hasColon &&
      cur.declaredId === null &&
      leads & LEAD_LOCALIZED &&
      // a label shared with English (Source, Date, Computer) never names the language
      !(leads & LEAD_ENGLISH_SHARED && ENGLISH_SHARED_LABEL.test(t))
    ) {
      /** the languages whose labels may start with the line's first visible character */
      const languages = LEAD_LANGUAGES[lead] ?? 0;
      for (let i = 0; i < LOCALIZED_LABELS.length; i++) {
        const [re, lang] = LOCALIZED_LABELS[i]!;
        if (languages & (1 << i) && re.test(t)) {
          cur.language = lang;
          break;
        }
      }
    }
    const id = cur.declaredId === null && hasColon && leads & LEAD_ID ? ID_LABEL.exec(t) : null;
    if (id && id[2] && cur.declaredId === null) {
      cur.declaredId = Number(id[2]);
      const at = ls + t.lastIndexOf(id[2]);
      cur.idSpan = [at, at + id[2].length];
    }
    // the XML patterns need their element names: looked for first with includes
    const xid = hasLt && t.includes('<EventID') ? XML_EVENTID.exec(t) : null;
    if (xid && xid[1]) {
      if (cur.declaredId === null) {
        cur.declaredId = Number(xid[1]);
        const at = ls + t.indexOf(xid[1], xid.index);
        cur.idSpan = [at, at + xid[1].length];
      }
      if (cur.kind === 'message') cur.kind = 'xml';
    }
    if (hasLt && t.includes('<Data Name=')) {
      XML_DATA.lastIndex = 0;
      let d: RegExpExecArray | null;
      while ((d = XML_DATA.exec(t)) !== null) {
        if (d[1] && d[2] !== undefined && !cur.data?.has(d[1])) {
          const at = ls + d.index + d[0].indexOf('>') + 1;
          (cur.data ??= new Map()).set(d[1], { value: d[2].trim(), start: at, end: at + d[2].length });
        }
      }
    }
    if (!cur.timestamp) {
      const tm =
        (hasColon && leads & LEAD_TIME && TIME_WORDS.at(kt, ls + f0) ? TIME_LABEL.exec(t) : null) ??
        (hasLt && t.includes('<TimeCreated') ? XML_TIME.exec(t) : null);
      if (tm && tm[1]) cur.timestamp = tm[1].trim();
    }
    if (!cur.computer) {
      const cm =
        (hasColon && leads & LEAD_COMPUTER && COMPUTER_WORDS.at(kt, ls + f0)
          ? COMPUTER_LABEL.exec(t)
          : null) ?? (hasLt && t.includes('<Computer>') ? XML_COMPUTER.exec(t) : null);
      if (cm && cm[1]) cur.computer = cm[1].trim();
    }

    if (
      cur.descStart === null &&
      hasColon &&
      leads & LEAD_DESCRIPTION &&
      DESCRIPTION_WORDS.at(kt, ls + f0) &&
      DESCRIPTION_LABEL.test(t)
    ) {
      const colon = t.search(COLON);
      cur.descStart = ls + colon + 1;
    }
  }
  close(text.length);
  if (records.length === 0) records.push(newRec(0, 'message', text.length));
  return records;
}

/** An English Schannel message found in the squeezed view: its view span, where it starts in the paste. */
interface Found {
  start: number;
  end: number;
  origStart: number;
  event: SchannelEvent;
}

/** Two lists of sorted spans that do not overlap (start, end, start, end, ...) as one sorted list. */
function mergeSpans(a: readonly number[], b: readonly number[]): number[] {
  if (a.length === 0) return b.slice();
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) {
      out.push(a[i]!, a[i + 1]!);
      i += 2;
    } else {
      out.push(b[j]!, b[j + 1]!);
      j += 2;
    }
  }
  return out;
}

/** Stage 2: the English messages of the paste, found in the squeezed view, in view order. */
function findMessages(ctx: EventContext): Found[] {
  const { keep, sq } = ctx;
  const found: Found[] = [];
  /**
   * view spans already covered by a message (patterns run from specific to generic), sorted and apart:
   * start, end, start, end, ...
   */
  let taken: number[] = [];
  const keysAt = keyOccurrences(sq.text);
  for (const p of MSG_PATTERNS) {
    const occurrences = keysAt.get(p.key);
    if (!occurrences) continue;
    /** this pattern's spans (in view order: each match starts after the previous one ends) */
    const added: number[] = [];
    /** the first taken span that ends after the current match's start (matches come in view order) */
    let ti = 0;
    let m: RegExpExecArray | null;
    let guard = 0;
    let from = 0;
    while ((m = nextMessage(p, sq.text, from, occurrences)) !== null) {
      if (guard++ >= MAX_EVENTS) {
        ctx.truncated = true;
        break;
      }
      const s = m.index;
      const e = s + m[0].length;
      from = e;
      while (ti < taken.length && taken[ti + 1]! <= s) ti += 2;
      // the match overlaps a taken span
      if (ti < taken.length && taken[ti]! < e) continue;
      added.push(s, e);
      const ev = emptyEvent();
      ev.eventId = p.eventId;
      p.read?.(m, ev);
      found.push({ start: s, end: e, origStart: squeezedSpan(sq, keep, s, e).start, event: ev });
    }
    if (added.length > 0) taken = mergeSpans(taken, added);
  }
  found.sort((a, b) => a.start - b.start);
  return found;
}

/** where an English message's alert number follows (squeezed view) */
const ALERT_NUMBER = /(?:codeis|generated:|received:)[0-9]/;

/** a label line of a header (tried at a line start: sticky), dropped from a description read by structure */
const LABEL_LINE = /[ \t]{0,8}[^\s:：]{1,30}(?:[ \t][^\s:：]{1,20}){0,3}[ \t]{0,16}[:：]/y;
/** a line of XML (tried at a line start: sticky) */
const XML_LINE = /[ \t]{0,8}</y;
/** where the XML view starts after a description label */
const XML_AFTER_DESCRIPTION = /(?:Event Xml|XML de l|事件 XML|<Event)/i;

/**
 * The description of a record without an English message, to be read by structure: its table message, or
 * its text (from its description label, else from its start; 8000 characters at most) without label lines
 * and XML, lines joined with spaces.
 */
function descriptionOf(rec: Rec, keep: MappedText): string {
  if (rec.tableMessage) return keep.text.slice(rec.tableMessage.start, rec.tableMessage.end);
  const ks = rec.descStart ?? viewIndexAt(keep, rec.start);
  const ke = viewIndexAt(keep, rec.end);
  const body = keep.text.slice(ks, Math.min(ke, ks + 8000));
  // the lines of body.split('\n') that are kept, walked by offset (the patterns cannot read past a line
  // break, so a sticky one tried at a line start sees what the line alone would show)
  const kept: string[] = [];
  for (let ls = 0; ls <= body.length;) {
    let le = body.indexOf('\n', ls);
    if (le < 0) le = body.length;
    // (with a description label every line is kept: the label pattern is not tried)
    LABEL_LINE.lastIndex = ls;
    XML_LINE.lastIndex = ls;
    if ((rec.descStart !== null || !LABEL_LINE.test(body)) && !XML_LINE.test(body))
      kept.push(body.slice(ls, le));
    ls = le + 1;
  }
  let desc = kept.join(' ');
  if (rec.descStart !== null) {
    const xmlAt = desc.search(XML_AFTER_DESCRIPTION);
    if (xmlAt >= 0) desc = desc.slice(0, xmlAt);
  }
  return desc;
}

/**
 * Stage 3: the events of each record, from its English messages, or from its header and text read by their
 * structure when it has none (localized or XML-only); the record's XML data completes them.
 */
function assembleEvents(ctx: EventContext, records: Rec[], found: Found[]): void {
  const { keep, sq, facts, evidence, problems } = ctx;
  let fi = 0;
  for (let ri = 0; ri < records.length; ri++) {
    const rec = records[ri]!;
    if (facts.events.length >= MAX_EVENTS) {
      // no room for more events: the records left are not read (their evidence and problems would name
      // events that are not kept)
      if (fi < found.length || records.slice(ri).some((r) => r.declaredId !== null)) ctx.truncated = true;
      break;
    }
    // records and messages are both in text order: walk them together
    while (fi < found.length && (found[fi]?.origStart ?? 0) < rec.start) fi++;
    const mine: Found[] = [];
    while (fi < found.length && (found[fi]?.origStart ?? 0) < rec.end) {
      const f = found[fi];
      if (f) mine.push(f);
      fi++;
    }
    const data = rec.data;
    const alertData = data ? (data.get('AlertDesc') ?? data.get('AlertDescription')) : undefined;
    const stateData = data ? (data.get('ErrorState') ?? data.get('ErrorStatus')) : undefined;
    const protoData = data?.get('Protocol');
    const typeData = data?.get('Type');
    const codeData = data?.get('ErrorCode');
    if (rec.declaredId !== null && !KNOWN_IDS.has(rec.declaredId) && mine.length === 0) {
      problems.push({
        code: 'not-schannel-event',
        severity: 'info',
        message: `Event ${rec.declaredId} is not a Schannel event this tool reads.`,
        ...toOriginalSpan(keep, rec.idSpan?.[0] ?? 0, rec.idSpan?.[1] ?? 0),
      });
      continue;
    }
    const list: SchannelEvent[] = [];
    if (mine.length > 0) {
      for (const f of mine) {
        if (facts.events.length + list.length >= MAX_EVENTS) {
          ctx.truncated = true;
          break;
        }
        list.push(f.event);
        const fact = `events.${facts.events.length + list.length - 1}`;
        evidence.push(
          evidenceInSqueezed(
            ctx,
            f.start,
            f.end,
            EVENT_MEANINGS[f.event.eventId ?? 0] ?? 'A Schannel message.',
            `${fact}.eventId`,
          ),
        );
        // numbers inside the message
        const slice = sq.text.slice(f.start, f.end);
        if (f.event.alert !== null) {
          const at = slice.search(ALERT_NUMBER);
          if (at >= 0) {
            const numAt =
              f.start + at + (slice.startsWith('codeis', at) ? 6 : slice.indexOf(':', at) - at + 1);
            const len = String(f.event.alert).length;
            evidence.push(
              evidenceInSqueezed(
                ctx,
                numAt,
                numAt + len,
                `TLS alert ${f.event.alert} (${TLS_ALERTS[f.event.alert] ?? 'unknown'}).`,
                `${fact}.alert`,
              ),
            );
          }
        }
        if (f.event.state !== null) {
          const at = slice.lastIndexOf(`stateis${f.event.state}`);
          if (at >= 0) {
            const numAt = f.start + at + 7;
            evidence.push(
              evidenceInSqueezed(
                ctx,
                numAt,
                numAt + String(f.event.state).length,
                `Schannel internal error state ${f.event.state}.`,
                `${fact}.state`,
              ),
            );
          }
        }
      }
      if (rec.declaredId !== null && list[0] && list[0].eventId !== rec.declaredId) {
        const same = list.find((x) => x.eventId === rec.declaredId);
        if (!same) {
          problems.push({
            code: 'event-id-mismatch',
            severity: 'warning',
            message: `The header says event ${rec.declaredId} but the message reads like event ${list[0].eventId}; the message was trusted.`,
            ...(rec.idSpan ? toOriginalSpan(keep, rec.idSpan[0], rec.idSpan[1]) : {}),
          });
        }
      }
    } else if (rec.declaredId !== null) {
      // localized, truncated or XML-only: read by structure
      const e = emptyEvent();
      e.eventId = rec.declaredId;
      /** the description, read only when there is no event data */
      const desc = alertData || stateData ? '' : descriptionOf(rec, keep);
      if (alertData || stateData) {
        if (alertData && /^[0-9]{1,3}$/.test(alertData.value)) e.alert = Number(alertData.value);
        if (stateData && /^[0-9]{1,6}$/.test(stateData.value)) e.state = Number(stateData.value);
      } else if (desc.trim().length > 0) {
        readByStructure(desc, e);
        if (e.byStructure && rec.language === null && /[^\x20-\x7e]/.test(desc))
          rec.language = /[\u4e00-\u9fff]/.test(desc) ? 'zh' : null;
        // highlight the numbers read by structure, in the description
        const from = rec.descStart ?? viewIndexAt(keep, rec.start);
        const to = Math.min(viewIndexAt(keep, rec.end), from + 8000);
        const region = keep.text.slice(from, to);
        let searchFrom = 0;
        for (const [value, what] of [
          [e.alert, 'alert'],
          [e.state, 'state'],
        ] as const) {
          if (value === null) continue;
          // the number alone: /(?<![0-9.])VALUE(?![0-9])/ from searchFrom, without compiling a pattern per value
          const needle = String(value);
          let hitAt = -1;
          for (let i = region.indexOf(needle, searchFrom); i >= 0; i = region.indexOf(needle, i + 1)) {
            const before = i > 0 ? region.charCodeAt(i - 1) : -1;
            const after = region.charCodeAt(i + needle.length);
            if ((before >= 48 && before <= 57) || before === 46 || (after >= 48 && after <= 57)) continue;
            hitAt = i;
            break;
          }
          if (hitAt < 0) continue;
          searchFrom = hitAt + needle.length;
          evidence.push(
            evidenceInLineView(
              ctx,
              from + hitAt,
              from + hitAt + needle.length,
              what === 'alert'
                ? `TLS alert ${value} (${TLS_ALERTS[value] ?? 'unknown'}), read from the localized text by position.`
                : `Schannel internal error state ${value}, read from the localized text by position.`,
              `events.${facts.events.length}.${what}`,
            ),
          );
        }
      }
      if (rec.idSpan)
        evidence.push(
          evidenceInLineView(
            ctx,
            rec.idSpan[0],
            rec.idSpan[1],
            EVENT_MEANINGS[e.eventId] ?? `Event ${e.eventId}.`,
            `events.${facts.events.length}.eventId`,
          ),
        );
      list.push(e);
    }
    // XML data complements messages
    const first = list.find((x) => rec.declaredId === null || x.eventId === rec.declaredId) ?? list[0];
    if (first) {
      const idx = facts.events.length + list.indexOf(first);
      if (alertData && /^[0-9]{1,3}$/.test(alertData.value)) {
        first.alert = Number(alertData.value);
        evidence.push(
          evidenceInLineView(
            ctx,
            alertData.start,
            alertData.end,
            `TLS alert ${first.alert} (${TLS_ALERTS[first.alert] ?? 'unknown'}), from the event data.`,
            `events.${idx}.alert`,
          ),
        );
      }
      if (stateData && /^[0-9]{1,6}$/.test(stateData.value)) {
        first.state = Number(stateData.value);
        evidence.push(
          evidenceInLineView(
            ctx,
            stateData.start,
            stateData.end,
            `Schannel internal error state ${first.state}, from the event data.`,
            `events.${idx}.state`,
          ),
        );
      }
      if (protoData && !first.protocol) {
        const pm = /(TLS|SSL|DTLS)[ \t]?([0-9]\.[0-9])/i.exec(protoData.value);
        if (pm) first.protocol = protoOf(pm[1]?.toLowerCase(), pm[2]);
      }
      if (typeData && !first.role) first.role = roleOf(typeData.value.toLowerCase());
      if (codeData && !first.errorCode && /^0x[0-9a-f]{1,8}$/i.test(codeData.value))
        first.errorCode = codeData.value.toLowerCase();
    }
    for (const e of list) {
      e.timestamp = rec.timestamp;
      e.computer = rec.computer;
      completeEvent(e);
      if (facts.events.length < MAX_EVENTS) facts.events.push(e);
      else ctx.truncated = true;
    }
    if (rec.language && !facts.language) facts.language = rec.language;
  }
}

/**
 * Stage 4, when no event was found: a localized message pasted without its header, read by its structure
 * from a keyword. Returns whether one was read.
 */
function readLocalizedWithoutHeader(ctx: EventContext): boolean {
  const { keep, facts, evidence, problems } = ctx;
  const kw =
    /alerte fatale|致命警报|致命的な警告|schwerwiegende Warnung|alerta grave|alerta irrecuperable|suites de chiffrement|密码套件|暗号スイート/i;
  const m = kw.exec(keep.text);
  if (m) {
    const e = emptyEvent();
    const lowerDesc = keep.text.slice(Math.max(0, m.index - 200), m.index + 600);
    if (/suites de chiffrement|密码套件|暗号スイート/i.test(m[0])) e.eventId = 36874;
    else if (/reçue|收到|受信|empfangen|recibi/i.test(lowerDesc)) e.eventId = 36887;
    else e.eventId = 36888;
    readByStructure(keep.text.slice(m.index, m.index + 600), e);
    completeEvent(e);
    facts.events.push(e);
    evidence.push(
      evidenceInLineView(
        ctx,
        m.index,
        m.index + m[0].length,
        `${EVENT_MEANINGS[e.eventId] ?? ''} (localized text, read by its structure)`,
        'events.0.eventId',
      ),
    );
    facts.language = /[\u4e00-\u9fff]/.test(m[0])
      ? /[\u3040-\u30ff]/.test(m[0])
        ? 'ja'
        : 'zh'
      : /alerte|chiffrement/i.test(m[0])
        ? 'fr'
        : /Warnung/.test(m[0])
          ? 'de'
          : 'es';
    problems.push({
      code: 'localized-structural',
      severity: 'info',
      message:
        'This Schannel text is localized; the event, alert and state were read from its structure (numbers in order). Paste the Details tab (XML) to be certain.',
    });
    return true;
  }
  return false;
}

/** Stage 5: the summary facts (the most telling event), the paste's format, and the closing problems. */
function summarize(facts: SchannelEventFacts, records: Rec[], problems: Problem[]): void {
  const rank = (e: SchannelEvent): number =>
    e.eventId === 36888 && e.alert !== null
      ? 6
      : e.eventId === 36887 && e.alert !== null
        ? 5
        : e.eventId === 36874
          ? 5.5
          : e.eventId === 36871
            ? 4
            : e.eventId === 36870
              ? 3.5
              : e.eventId === 36888 || e.eventId === 36887
                ? 3
                : 1;
  let best: SchannelEvent | null = null;
  for (const e of facts.events) if (!best || rank(e) > rank(best)) best = e;
  if (best) {
    facts.eventId = best.eventId;
    facts.alert = best.alert;
    facts.alertName = best.alertName;
    facts.state = best.state;
    facts.protocol = best.protocol ?? facts.events.find((e) => e.protocol)?.protocol ?? null;
    facts.direction = best.direction;
    facts.role = best.role;
    facts.errorCode = best.errorCode;
  }
  // 36874 + 36888 alert 40 together: the suite mismatch explains the alert
  for (const e of facts.events)
    for (const h of e.scenarioHints) addHint(facts.scenarioHints, h.scenario, h.why, h.strength);
  const kinds = new Set(records.map((r) => r.kind));
  facts.format =
    facts.events.length === 0
      ? 'unknown'
      : kinds.has('event-viewer-details')
        ? 'event-viewer-details'
        : kinds.has('wevtutil-text')
          ? 'wevtutil-text'
          : kinds.has('format-list')
            ? 'format-list'
            : kinds.has('table')
              ? 'table'
              : kinds.has('xml')
                ? 'xml'
                : 'message';
  if (facts.events.some((e) => e.eventId === 36870)) {
    problems.push({
      code: 'private-key-access',
      severity: 'info',
      message:
        'Event 36870: Schannel could not use a certificate private key. On the SQL Server machine, check that the service account can read the key (certlm.msc > Manage Private Keys).',
    });
  }
  if (facts.events.length === 0) {
    problems.push({
      code: 'no-schannel-event',
      severity: 'info',
      message:
        'No Schannel event was found. Paste the event from Event Viewer (System log, source Schannel: the General text or the Details XML) or Get-WinEvent output.',
    });
  }
}

export function parseSchannelEvent(input: string): SchannelEventResult {
  const text = typeof input === 'string' ? input : '';
  const facts = emptyFacts();
  const evidence: Evidence[] = [];
  const problems: Problem[] = [];
  try {
    // the views' maps are reused by the next parse: nothing returned refers to them
    const keep = normalizeKeepScratch(text, { maxInput: MAX_INPUT });
    // the text of normalizeText(text, { whitespace: 'drop', lowercase: true, maxInput: MAX_INPUT }), made from
    // the line view; spans map back with squeezedSpan
    const sq = squeezeIndexScratch(keep);
    if (keep.truncated) {
      problems.push({
        code: 'input-truncated',
        severity: 'warning',
        message: `Only the first ${MAX_INPUT.toLocaleString('en-US')} characters were read.`,
      });
    }
    // one function per stage: each is compiled and optimised on its own (a single function of 500 lines took
    // V8 most of a second to optimise, and ran unoptimised until then)
    const ctx: EventContext = { text, keep, sq, facts, evidence, problems, truncated: false };
    const records = readRecords(text, keep);
    const found = findMessages(ctx);
    assembleEvents(ctx, records, found);
    const localized = facts.events.length === 0 && readLocalizedWithoutHeader(ctx);
    if (found.length > 0 && !localized && !facts.language) facts.language = 'en';
    summarize(facts, records, problems);
    if (ctx.truncated) {
      problems.push({
        code: 'too-many-events',
        severity: 'info',
        message: `Only the first ${MAX_EVENTS} events were read.`,
      });
    }
  } catch (error) {
    problems.push({
      code: 'parser-error',
      severity: 'error',
      message: `The text could not be read completely (${error instanceof Error ? error.message : 'unknown error'}).`,
    });
  }
  return { kind: 'schannel-event', facts, evidence, problems: foldRepeats(problems) };
}

/** Problems a long export repeats once per record: told once, at the first record, with how many more. */
const PER_RECORD = new Set(['event-id-mismatch', 'not-schannel-event']);

function foldRepeats(problems: Problem[]): Problem[] {
  const first = new Map<string, { problem: Problem; more: number }>();
  const out: Problem[] = [];
  for (const p of problems) {
    if (!PER_RECORD.has(p.code)) {
      out.push(p);
      continue;
    }
    const key = `${p.code}\u0000${p.message}`;
    const seen = first.get(key);
    if (seen) seen.more++;
    else {
      const entry = { problem: { ...p }, more: 0 };
      first.set(key, entry);
      out.push(entry.problem);
    }
  }
  for (const { problem, more } of first.values())
    if (more > 0) problem.message += ` The same is true of ${more} more record${more === 1 ? '' : 's'}.`;
  return out;
}

// ---------------------------------------------------------------------------------------------------
// sniff
// ---------------------------------------------------------------------------------------------------

const SNIFF_KEYS = [
  'fatal alert was generated',
  'fatal alert was received',
  'following fatal alert',
  'tls protocol defined fatal',
  'schannel error state',
  'none of the cipher suites supported by the client application',
  'credential private key',
  'while creating a tls',
  'while creating an ssl',
  'handshake completed successfully',
  'the internal error state is',
  'alerte fatale',
  '致命警报',
  'schannel',
];

const SNIFF_PHRASES = new PhraseSet(SNIFF_KEYS);

/** Whether lower-cased `t` holds event 36880's "Protocol version / CipherSuite / Exchange strength" lines. */
function negotiatedParameters(t: string): boolean {
  return (
    t.includes('exchange strength') &&
    /^[ \t]{0,12}exchange strength[ \t]{0,4}:/m.test(t) &&
    /^[ \t]{0,12}(?:ciphersuite|cipher suite)[ \t]{0,4}:[ \t]{0,4}0x[0-9a-f]{1,4}[ \t]*\r?$/m.test(t) &&
    /^[ \t]{0,12}protocol version[ \t]{0,4}:/m.test(t)
  );
}

export function sniffSchannelEvent(input: string): number {
  if (typeof input !== 'string' || input.length === 0) return 0;
  const t = lowerHead(input, 64 * 1024);
  const keys = SNIFF_PHRASES.countPresent(t);
  // no phrase and no event id 368xx: nothing below can raise the score, except the negotiated parameters of
  // event 36880, which Event Viewer shows under the message after a blank line (read as a part of their own,
  // "CipherSuite: 0xC030" made a one-suite cipher list of them)
  if (keys === 0 && !t.includes('368')) return negotiatedParameters(t) ? 0.6 : 0;
  const onlyName = keys === 1 && t.includes('schannel');
  const eventContext =
    /source\s{0,12}:\s{0,12}schannel|providername\s{0,4}:\s{0,12}schannel|provider name=["']schannel/.test(t);
  let score =
    keys >= 3 ? 0.95 : keys === 2 ? 0.85 : keys === 1 ? (onlyName ? (eventContext ? 0.5 : 0.1) : 0.7) : 0;
  // a registry dump of the SCHANNEL keys is not an event
  if (/hkey_local_machine|hklm:|reg_dword|dword:/.test(t) && !eventContext) score = Math.min(score, 0.2);
  if (/(?:event id|<eventid[^>]{0,40}>|\bid\s{0,12}:)\s{0,8}368[6-9][0-9]\b/.test(t))
    score = Math.max(score, 0.9);
  if (t.includes('sqlexception') || t.includes('(provider:')) score = Math.min(score, 0.3);
  return score;
}

export const schannelEventParser: ArtifactParser<'schannel-event', SchannelEventFacts> = {
  kind: 'schannel-event',
  // the highest return of sniffSchannelEvent (three message phrases, or an event id 368xx scores 0.9)
  sniffMax: 0.95,
  sniff: sniffSchannelEvent,
  parse: parseSchannelEvent,
};
