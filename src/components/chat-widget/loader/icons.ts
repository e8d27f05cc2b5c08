/** The launcher's built-in icons (static SVG markup, never built from input). */
const svg = (body: string) =>
  `<svg class="icon" part="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${body}</svg>`;

export const icons = {
  chat: svg(
    '<path d="M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.9A8 8 0 1 1 21 12z"/><path d="M8.5 12h.01M12 12h.01M15.5 12h.01" stroke-width="2.6"/>',
  ),
  help: svg(
    '<circle cx="12" cy="12" r="9"/><path d="M9.6 9.3a2.5 2.5 0 0 1 4.8.9c0 1.7-2.4 2.2-2.4 3.8"/><path d="M12 17.2h.01" stroke-width="2.6"/>',
  ),
  close: svg('<path d="M6 6l12 12M18 6L6 18"/>'),
};

/**
 * A launcher icon given as a URL: absolute http(s), data:image or blob URL resolved against the
 * document, or `null` when the value is not one (a keyword or a `javascript:` URL).
 */
export function iconUrl(value: string | null): string | null {
  if (!value || value === 'chat' || value === 'help') return null;
  try {
    const url = new URL(value, document.baseURI);
    if (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'blob:')
      return url.href;
    if (url.protocol === 'data:' && /^data:image\//i.test(url.href)) return url.href;
  } catch {
    // Not a URL.
  }
  return null;
}
