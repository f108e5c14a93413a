import { HEIGHT_MESSAGE_TYPE } from './embed';

/**
 * Snippets a KB author pastes into a page: a link, an iframe with the resize script, Markdown. Every value
 * is escaped for its context.
 */

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Markdown link text: brackets and backslashes escaped; the URL in <> so spaces or parentheses cannot end it. */
const escapeMarkdownText = (text: string) => text.replace(/([\\[\]])/g, '\\$1');

/**
 * The host side of the embed: sets the height of each troubleshooter iframe from the messages it posts.
 * Also shipped as docs/hosting/embed-resize.js (for KB pages whose CSP forbids inline scripts); a test
 * keeps the two identical.
 */
export const HOST_RESIZE_SCRIPT = `(function () {
  if (window.tls10054Resize) return;
  window.tls10054Resize = true;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== '${HEIGHT_MESSAGE_TYPE}' || typeof data.height !== 'number') return;
    var frames = document.querySelectorAll('iframe[data-tls10054]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.min(Math.max(Math.ceil(data.height), 100), 20000) + 'px';
      }
    }
  });
})();`;

export const anchorSnippet = (url: string, text: string) =>
  `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>`;

export const iframeSnippet = (url: string, title: string) =>
  `<iframe src="${escapeHtml(url)}" title="${escapeHtml(title)}" data-tls10054 loading="lazy" style="width: 100%; height: 480px; border: 0;"></iframe>
<script>
${HOST_RESIZE_SCRIPT}
</script>`;

export const markdownSnippet = (url: string, text: string) =>
  `[${escapeMarkdownText(text)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
