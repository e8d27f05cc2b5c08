import type { Message } from '../../../model/index.js';
import { frameDocument } from './frame-document.js';
import { textToBody } from './plain-text.js';
import { createContext } from './policy.js';
import { foldQuotes } from './quotes.js';
import { sanitizeHtml } from './sanitize.js';

export { ALLOWED_ELEMENTS, isSafeAttachmentUrl } from './policy.js';
export { baseCss, contentSecurityPolicy } from './frame-document.js';

/**
 * Untrusted email → the `srcdoc` of a sandboxed frame (F-1.10, ARCHITECTURE "Untrusted content").
 *
 * One DOMPurify pass with `RETURN_DOM` (`sanitize.ts`): every transformation (remote resources,
 * `cid:` images, link targets, CSS) happens in DOMPurify's hooks, and the quote folding
 * (`quotes.ts`) on the returned DOM, before the one and only serialization. The sanitized HTML is
 * never edited as a string (Roundcube CVE-2024-42009 came from doing exactly that).
 *
 * What may stay and what a URL becomes is `policy.ts`; CSS goes through the browser's parser
 * (`css.ts`); plain text becomes a linkified body (`plain-text.ts`); the frame's stylesheet and
 * CSP meta, the second line of defence, are `frame-document.ts`.
 */

export interface PrepareOptions {
  /** Let remote images and CSS backgrounds load (the agent clicked "Show images"). */
  showRemote: boolean;
  /**
   * The embedding page's colour scheme: the frame's document cannot see it (its
   * `prefers-color-scheme` is the OS's), so the caller passes it. Default `light dark`.
   */
  colorScheme?: 'light' | 'dark' | 'light dark';
  /** Accessible label of the "…" toggle of folded quoted history (localized by the caller). */
  quoteLabel?: string;
}

export interface PreparedEmail {
  /** A complete document for `<iframe srcdoc>`. */
  srcdoc: string;
  /** Remote resources removed because `showRemote` is false (images, backgrounds, `@import`). */
  remoteBlocked: number;
  /** Quoted history was found and folded into a `<details>`. */
  hasQuote: boolean;
  /** Ids of inline attachments the body shows through `cid:` (a list need not repeat them). */
  inlineUsed: string[];
}

/**
 * Prepares a message's body for `<iframe sandbox srcdoc>`: sanitized HTML (or linkified plain
 * text), remote resources blocked unless `showRemote`, `cid:` images resolved from the message's
 * own inline attachments, links opening in a new tab, quoted history folded.
 */
export function prepareEmailHtml(message: Message, options: PrepareOptions): PreparedEmail {
  const ctx = createContext(message, options.showRemote);
  const label = options.quoteLabel ?? 'Show quoted text';
  let body: HTMLElement;
  let hasQuote: boolean;
  if (message.html?.trim()) {
    body = sanitizeHtml(message.html, ctx);
    hasQuote = foldQuotes(body, label);
  } else {
    const doc = document.implementation.createHTMLDocument('');
    ({ body, hasQuote } = textToBody(doc, message.text ?? '', label));
  }
  return {
    srcdoc: frameDocument(body, message, {
      showRemote: options.showRemote,
      colorScheme: options.colorScheme ?? 'light dark',
      paper: ctx.authorColors,
    }),
    remoteBlocked: ctx.blocked,
    hasQuote,
    inlineUsed: [...ctx.inlineUsed],
  };
}
