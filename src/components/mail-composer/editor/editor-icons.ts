import { svg } from 'lit';

/** The formatting toolbar's 24×24 stroked icons (inner SVG, drawn with `icon()` of internal/icons). */

export const BOLD = svg`<path d="M7 5h5.5a3.5 3.5 0 0 1 0 7H7zM7 12h6.5a3.5 3.5 0 0 1 0 7H7z"/>`;
export const ITALIC = svg`<path d="M11 5h7M6 19h7M14.5 5l-5 14"/>`;
export const UNDERLINE = svg`<path d="M7 4v7a5 5 0 0 0 10 0V4M5 20h14"/>`;
export const STRIKETHROUGH = svg`<path d="M4 12h16M16.5 7.5c-.5-1.9-2.2-3-4.5-3-2.8 0-4.5 1.5-4.5 3.5 0 1.2.6 2.1 1.7 2.8M8 16.5c.6 1.9 2.3 3 4.5 3 2.8 0 4.5-1.5 4.5-3.5 0-.6-.1-1.1-.4-1.5"/>`;
export const LINK = svg`<path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"/>`;
export const BULLET_LIST = svg`<path d="M10 6h10M10 12h10M10 18h10"/><circle cx="5" cy="6" r="1.2" fill="currentColor"/><circle cx="5" cy="12" r="1.2" fill="currentColor"/><circle cx="5" cy="18" r="1.2" fill="currentColor"/>`;
export const ORDERED_LIST = svg`<path d="M11 6h9M11 12h9M11 18h9M4 4.5 5.5 4v4.5M4 8.5h3M4 14.3c.3-.5.8-.8 1.4-.8.8 0 1.4.5 1.4 1.2 0 1.1-2.8 2-2.8 3.8h2.9"/>`;
export const ALIGN_LEFT = svg`<path d="M4 6h16M4 10h10M4 14h16M4 18h10"/>`;
export const ALIGN_CENTER = svg`<path d="M4 6h16M7 10h10M4 14h16M7 18h10"/>`;
export const ALIGN_RIGHT = svg`<path d="M4 6h16M10 10h10M4 14h16M10 18h10"/>`;
export const BLOCKQUOTE = svg`<path d="M5 18V8.5A3.5 3.5 0 0 1 8.5 5M5 12h4v6H5zM14 18V8.5A3.5 3.5 0 0 1 17.5 5M14 12h4v6h-4z"/>`;
export const CLEAR_FORMATTING = svg`<path d="M5 5h12M11 5 8 19M14 14l6 6M20 14l-6 6"/>`;
export const UNDO = svg`<path d="M9 14 4 9l5-5"/><path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11"/>`;
export const REDO = svg`<path d="m15 14 5-5-5-5"/><path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13"/>`;
