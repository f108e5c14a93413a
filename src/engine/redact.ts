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
    what: 'private key',
    pattern:
      /-----BEGIN (?:RSA |EC |DSA |ENCRYPTED )?PRIVATE KEY-----[\s\S]{0,20000}?-----END (?:RSA |EC |DSA |ENCRYPTED )?PRIVATE KEY-----/g,
    replace: () => '[private key removed]',
  },
  {
    // Password=secret; PWD={se;cret}; password="x" ; Pwd='x'
    what: 'connection-string password',
    pattern:
      /\b(password|pwd|passwd)(\s*[=:]\s*)(\{[^}\r\n]{0,500}\}|"[^"\r\n]{0,500}"|'[^'\r\n]{0,500}'|[^;&\s"'}]{1,500})/gi,
    replace: (_m, key, sep) => `${key}${sep}[removed]`,
  },
  {
    what: 'access token',
    pattern:
      /\b(access[_ ]?token|accesstoken|sharedaccesssignature|sig|client[_ ]?secret|apikey|api[_-]key)(\s*[=:]\s*)([^;&\s"']{8,4000})/gi,
    replace: (_m, key, sep) => `${key}${sep}[removed]`,
  },
  {
    // sqlcmd -S srv -U sa -P secret   /  bcp ... -P secret
    what: 'command-line password',
    pattern: /(\s-P\s*)("[^"\r\n]{0,500}"|'[^'\r\n]{0,500}'|\S{1,500})/g,
    replace: (_m, flag) => `${flag}[removed]`,
  },
  {
    what: 'bearer token',
    pattern: /\bBearer\s+[A-Za-z0-9\-._~+/]{16,4000}=*/g,
    replace: () => 'Bearer [removed]',
  },
];

export function redactSecrets(text: string): Redaction {
  let out = text;
  const removed: Redaction['removed'] = [];
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
