import { html, svg, type SVGTemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AttachmentKind, Channel } from '../../model/index.js';

/** The shapes of the 24×24 stroked icons the elements draw (inner SVG, no `<svg>` wrapper). */

export const SHIELD = svg`<path d="M12 3 5 6v5c0 4.5 3 8.3 7 10 4-1.7 7-5.5 7-10V6z"/><path d="m9 9 6 6m0-6-6 6"/>`;
export const CHECK = svg`<path d="m5 12 5 5 9-10"/>`;
export const PAPERCLIP = svg`<path d="m21 11-8.6 8.6a5 5 0 0 1-7-7L14 4a3.3 3.3 0 0 1 4.7 4.7l-8.6 8.6a1.7 1.7 0 0 1-2.4-2.4L15.6 7"/>`;
export const CLOSE = svg`<path d="M7 7l10 10M17 7 7 17"/>`;
export const REPLY = svg`<path d="M9 14 4 9l5-5" /><path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />`;

export const CHANNEL_ICONS: Record<Channel, SVGTemplateResult> = {
  email: svg`<rect x="3" y="5" width="18" height="14" rx="2"/><path d="m3 7 9 6 9-6"/>`,
  chat: svg`<path d="M4 5h16v11H9l-5 4z"/>`,
};

export const ATTACHMENT_ICONS: Record<AttachmentKind, SVGTemplateResult> = {
  image: svg`<rect x="3" y="4" width="18" height="16" rx="2"/><circle cx="9" cy="10" r="2"/><path d="m4 18 5-5 4 4 3-3 4 4"/>`,
  document: svg`<path d="M6 3h8l4 4v14H6z"/><path d="M14 3v4h4M9 12h6M9 16h6"/>`,
  audio: svg`<path d="M9 18V6l10-2v12"/><circle cx="7" cy="18" r="2"/><circle cx="17" cy="16" r="2"/>`,
  video: svg`<rect x="3" y="6" width="13" height="12" rx="2"/><path d="m16 10 5-3v10l-5-3z"/>`,
  text: svg`<path d="M6 3h8l4 4v14H6z"/><path d="M9 10h6M9 13h6M9 16h4"/>`,
};

export interface IconOptions {
  /** Stroke width in viewBox units; 1.8 unless set. */
  strokeWidth?: number;
  /** `class` of the `<svg>`. */
  className?: string;
  /** `part` of the `<svg>`. */
  part?: string;
}

/** A decorative (`aria-hidden`) 24×24 stroked `<svg>` drawing `shape` in `currentColor`. */
export function icon(
  shape: SVGTemplateResult,
  { strokeWidth = 1.8, className, part }: IconOptions = {},
) {
  return html`<svg
    part=${ifDefined(part)}
    class=${ifDefined(className)}
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    stroke-width=${strokeWidth}
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
  >
    ${shape}
  </svg>`;
}
