// The one Content-Security-Policy of the built app. Only the page's own origin may provide scripts,
// connections, images, fonts and workers; MUI (emotion) injects <style> elements, hence 'unsafe-inline'
// for styles only. `data:` images cover MUI's inline SVG data URLs. Nothing else, ever.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
