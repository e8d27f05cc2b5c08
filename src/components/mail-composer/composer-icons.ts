import { svg } from 'lit';

/** Toolbar and header icons of the composer (24×24 strokes, drawn with `icon()`). */
export const IMAGE = svg`<rect x="3" y="4" width="18" height="16" rx="2"/><circle cx="9" cy="10" r="2"/><path d="m21 16-5-5-9 9"/>`;
export const LIGHTNING = svg`<path d="M13 2 4 14h7l-1 8 9-12h-7z"/>`;
