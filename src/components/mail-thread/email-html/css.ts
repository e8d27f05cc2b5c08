import { resolveResource, type Context } from './policy.js';

/**
 * CSS of `<style>` blocks, `style` attributes and SVG `url()` attributes, through the browser's
 * own parser (`CSSStyleSheet`, `element.style`) and written back from the CSSOM: unknown or legacy
 * constructs (`expression()`, `-moz-binding`, `behavior`) do not survive parsing, escapes are
 * resolved before URLs are inspected, and custom properties, `var()`, `image-set()` and `@import`
 * are dropped because they can hide a URL from inspection.
 */

/** `url(...)` as the CSSOM serializes it, and as authors write it in attributes. */
const CSS_URL = /url\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^)"'\s]*))\s*\)/gi;
/** Constructs that can carry or compute a URL out of sight of `CSS_URL`. */
const CSS_OPAQUE =
  /\\|(?:^|[^\w-])(?:var|env|attr|image-set|-webkit-image-set|src|image|cross-fade|element|paint)\(/i;
const COLOR_PROPERTY = /^(?:color|background|background-color|border(?:-[a-z]+)*-color)$/;

function cssString(url: string): string {
  return `"${url.replace(/["\\\n\r\f]/g, (ch) => `\\${ch.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * Rewrites the `url()`s of one CSS value: `cid:` resolved, local kept, remote kept only with
 * `showRemote`. Returns null when the declaration must go.
 */
export function rewriteCssValue(value: string, ctx: Context): string | null {
  if (CSS_OPAQUE.test(value)) {
    if (/(?:https?:)?\/\//i.test(value) && !ctx.showRemote) ctx.blocked++;
    return null;
  }
  let ok = true;
  const rewritten = value.replace(CSS_URL, (_match, dq?: string, sq?: string, bare?: string) => {
    const raw = (dq ?? sq ?? bare ?? '').replace(/\\(.)/g, '$1');
    const resolved = resolveResource(raw, ctx, true);
    if (typeof resolved === 'string') {
      ok = false;
      return 'none';
    }
    return `url(${cssString(resolved.url)})`;
  });
  // Anything still looking like a URL opener after the rewrite (a malformed url( the regex did
  // not match) is not worth guessing about.
  if (!ok || /url\(\s*(?!")/i.test(rewritten.replace(CSS_URL, ''))) return null;
  return rewritten;
}

/** Cleans every declaration of a CSSOM declaration block in place. */
function cleanDeclarations(style: CSSStyleDeclaration, ctx: Context) {
  for (const name of Array.from(style)) {
    if (name.startsWith('--')) {
      style.removeProperty(name);
      continue;
    }
    const value = style.getPropertyValue(name);
    // A longhand of a shorthand written with var() reads as '' (pending substitution): its
    // value is out of sight, so it goes.
    if (!value) {
      style.removeProperty(name);
      continue;
    }
    if (COLOR_PROPERTY.test(name)) ctx.authorColors = true;
    if (!/url\(|\\|\(/i.test(value)) continue;
    const cleaned = rewriteCssValue(value, ctx);
    if (cleaned === null) style.removeProperty(name);
    else if (cleaned !== value) {
      const priority = style.getPropertyPriority(name);
      style.setProperty(name, cleaned, priority);
      if (style.getPropertyValue(name) === value) style.removeProperty(name);
    }
  }
}

/** Rule types kept in `<style>` blocks; the rest (@import, @property, @counter-style…) goes. */
function keepsRule(rule: CSSRule): boolean {
  return (
    rule instanceof CSSStyleRule ||
    rule instanceof CSSMediaRule ||
    rule instanceof CSSSupportsRule ||
    rule instanceof CSSFontFaceRule ||
    rule instanceof CSSKeyframesRule ||
    rule instanceof CSSKeyframeRule ||
    rule instanceof CSSPageRule ||
    (typeof CSSContainerRule !== 'undefined' && rule instanceof CSSContainerRule) ||
    (typeof CSSLayerBlockRule !== 'undefined' && rule instanceof CSSLayerBlockRule) ||
    (typeof CSSLayerStatementRule !== 'undefined' && rule instanceof CSSLayerStatementRule)
  );
}

function cleanRules(list: CSSRuleList, remove: (index: number) => void, ctx: Context): void {
  for (let i = list.length - 1; i >= 0; i--) {
    const rule = list[i]!;
    if (!keepsRule(rule)) {
      remove(i);
      continue;
    }
    const style = (rule as CSSRule & { style?: CSSStyleDeclaration }).style;
    if (style) cleanDeclarations(style, ctx);
    if (rule instanceof CSSKeyframesRule) {
      cleanRules(
        rule.cssRules,
        (j) => rule.deleteRule((rule.cssRules[j] as CSSKeyframeRule).keyText),
        ctx,
      );
    } else if ('cssRules' in rule && 'deleteRule' in rule) {
      const group = rule as CSSRule & { cssRules: CSSRuleList; deleteRule(i: number): void };
      cleanRules(group.cssRules, (j) => group.deleteRule(j), ctx);
    }
  }
}

/** A `<style>` block's text, parsed by the browser and written back without remote resources. */
export function cleanStylesheet(css: string, ctx: Context): string {
  if (!ctx.showRemote) ctx.blocked += (css.match(/@import/gi) ?? []).length;
  const sheet = new CSSStyleSheet();
  try {
    sheet.replaceSync(css); // @import rules are ignored by constructable sheets
  } catch (_) {
    return '';
  }
  cleanRules(sheet.cssRules, (i) => sheet.deleteRule(i), ctx);
  const text = Array.from(sheet.cssRules, (r) => r.cssText).join('\n');
  // `<` has no business in CSS outside strings; escaping it keeps `</style>` impossible.
  return text.replace(/</g, '\\3c ');
}

/** Declarations without a function, escape or custom property cannot load or run anything. */
const PLAIN_STYLE = /^[^(\\]*$/;
const COLOR_IN_STYLE = /(?:^|;)\s*(?:color|background(?:-color)?|border(?:-[a-z]+)*-color)\s*:/i;

/** A `style` attribute, cleaned through the element's own CSSOM declaration block. */
export function cleanStyleAttribute(element: Element, value: string, ctx: Context) {
  // Fast path (most of a big newsletter): nothing to rewrite, only colours to notice.
  if (PLAIN_STYLE.test(value) && !value.includes('--')) {
    if (COLOR_IN_STYLE.test(value)) ctx.authorColors = true;
    return;
  }
  const style = (element as HTMLElement).style as CSSStyleDeclaration | undefined;
  if (!style) {
    element.removeAttribute('style');
    return;
  }
  cleanDeclarations(style, ctx);
  const text = style.cssText;
  if (text) element.setAttribute('style', text);
  else element.removeAttribute('style');
}
