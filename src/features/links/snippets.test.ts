import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anchorSnippet, HOST_RESIZE_SCRIPT, iframeSnippet, markdownSnippet } from './snippets';

const url = 'https://intranet/kb/10054/?embed=1#/paste?sample=a&x=1';

describe('snippets', () => {
  it('escape the link and text for HTML', () => {
    expect(anchorSnippet(url, 'Fix <this> & "that"')).toBe(
      '<a href="https://intranet/kb/10054/?embed=1#/paste?sample=a&amp;x=1">Fix &lt;this&gt; &amp; &quot;that&quot;</a>',
    );
    const iframe = iframeSnippet(url, 'A "title"');
    expect(iframe).toContain('title="A &quot;title&quot;"');
    expect(iframe).toContain('data-tls10054');
    expect(iframe).toContain("data.type !== 'tls10054:height'");
  });

  it('keep Markdown link text and address from breaking the link', () => {
    expect(markdownSnippet('https://x/a (b)', 'See [this]')).toBe('[See \\[this\\]](<https://x/a%20(b)>)');
  });

  it('ship the same resize script as docs/hosting/embed-resize.js', () => {
    const shipped = readFileSync(new URL('../../../docs/hosting/embed-resize.js', import.meta.url), 'utf8');
    expect(shipped).toContain(HOST_RESIZE_SCRIPT);
  });
});
