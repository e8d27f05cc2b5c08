import { svg } from 'lit';

/** Shapes only the list draws (24×24, stroked; see `icon()` in ../internal/icons.ts). */

export const SEARCH = svg`<circle cx="11" cy="11" r="6.5"/><path d="m16 16 4.5 4.5"/>`;
/** The avatar of a visitor without a name. */
export const PERSON = svg`<circle cx="12" cy="8.5" r="3.5"/><path d="M5 20c.8-3.6 3.6-5.5 7-5.5s6.2 1.9 7 5.5"/>`;
