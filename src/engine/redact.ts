/**
 * Removes secrets from text before it is put into a share link or a ticket summary: passwords in connection
 * strings (Password=, PWD=, password= in JDBC URLs), sqlcmd/bcp `-P` arguments, access tokens and private
 * key blocks. The user is told what was removed. Linear-time patterns only.
 */

export interface Redaction {
  text: string;
  /** what was removed, for the notice: e.g. [{ what: 'connection-string password', count: 2 }] */
  removed: { what: string; count: number }[];
}

const RULES: { what: string; pattern: RegExp; replace: (match: string, ...groups: string[]) => string }[] = [
  {
    // Password=secret; PWD={se;cret}; password="x" ; Pwd='x'
    what: 'connection-string password',
    pattern:
      /\b(password|pwd|passwd)(\s*[=:]\s*)(\{[^}\r\n]{0,500}\}|"[^"\r\n]{0,500}"|'[^'\r\n]{0,500}'|[^;&\s"'}]+)/gi,
    replace: (_m, key, sep) => `${key}${sep}[removed]`,
  },
  {
    what: 'access token',
    pattern:
      /\b(access[_ ]?token|accesstoken|sharedaccesssignature|sig|client[_ ]?secret|apikey|api[_-]key)(\s*[=:]\s*)([^;&\s"']{8,})/gi,
    replace: (_m, key, sep) => `${key}${sep}[removed]`,
  },
  {
    // sqlcmd -S srv -U sa -P secret   /  bcp ... -P secret
    what: 'command-line password',
    pattern: /(\s-P\s*)("[^"\r\n]{0,500}"|'[^'\r\n]{0,500}'|\S+)/g,
    replace: (_m, flag) => `${flag}[removed]`,
  },
  {
    what: 'bearer token',
    pattern: /\bBearer\s+[A-Za-z0-9\-._~+/]{16,4000}=*/g,
    replace: () => 'Bearer [removed]',
  },
];

const KEY_BEGIN = /-----BEGIN (?:RSA |EC |DSA |ENCRYPTED |OPENSSH )?PRIVATE KEY-----/g;
const KEY_END = /-----END (?:RSA |EC |DSA |ENCRYPTED |OPENSSH )?PRIVATE KEY-----/g;

/**
 * Cuts private key blocks in one pass. A block without its END line (a truncated paste) is still a secret:
 * its base64 lines are cut up to the first line that is not base64.
 */
function removePrivateKeys(text: string): { text: string; count: number } {
  let out = '';
  let at = 0;
  let count = 0;
  // The next END marker, found once and reused while it lies ahead (keeps the scan linear).
  let nextEnd: RegExpExecArray | null | undefined;
  KEY_BEGIN.lastIndex = 0;
  for (let m = KEY_BEGIN.exec(text); m; m = KEY_BEGIN.exec(text)) {
    if (m.index < at) continue;
    out += text.slice(at, m.index) + '[private key removed]';
    count++;
    const from = m.index + m[0].length;
    if (nextEnd === undefined || (nextEnd !== null && nextEnd.index < from)) {
      KEY_END.lastIndex = from;
      nextEnd = KEY_END.exec(text);
    }
    const end = nextEnd;
    const nextBegin = text.indexOf('-----BEGIN', from);
    if (end && (nextBegin === -1 || end.index < nextBegin)) {
      at = end.index + end[0].length;
    } else {
      let i = m.index + m[0].length;
      for (;;) {
        const lineEnd = text.indexOf('\n', i + 1);
        const line = text.slice(i, lineEnd === -1 ? text.length : lineEnd).trim();
        if (line !== '' && !/^[A-Za-z0-9+/=]+$/.test(line)) break;
        if (lineEnd === -1) {
          i = text.length;
          break;
        }
        i = lineEnd;
        if (line === '' && i > m.index + m[0].length + 1) break;
      }
      at = i;
    }
    KEY_BEGIN.lastIndex = at;
  }
  return { text: out + text.slice(at), count };
}

export function redactSecrets(text: string): Redaction {
  const keys = removePrivateKeys(text);
  let out = keys.text;
  const removed: Redaction['removed'] = keys.count > 0 ? [{ what: 'private key', count: keys.count }] : [];
  for (const rule of RULES) {
    let count = 0;
    out = out.replace(rule.pattern, (...args: unknown[]) => {
      const match = args[0] as string;
      const groups = args.slice(1, -2).map((g) => (typeof g === 'string' ? g : ''));
      const replacement = rule.replace(match, ...groups);
      if (replacement !== match) count++;
      return replacement;
    });
    if (count > 0) removed.push({ what: rule.what, count });
  }
  return { text: out, removed };
}
