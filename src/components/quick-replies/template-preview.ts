import { html, nothing } from 'lit';
import type { LocalizeController } from '../../i18n/localize-controller.js';
import type { ResolvedTemplate, TemplateSegment } from '../../model/index.js';

type TagSegment = Extract<TemplateSegment, { kind: 'tag' }>;

const explain = (i18n: LocalizeController, s: TagSegment) =>
  ({
    resolved: i18n.t('quickReplies.tagResolved', { tag: s.tag }),
    fallback: i18n.t('quickReplies.tagFallback', { tag: s.tag }),
    missing: i18n.t('quickReplies.tagMissing', { tag: s.tag }),
    unknown: i18n.t('quickReplies.tagUnknown', { tag: s.tag }),
  })[s.status];

/**
 * The resolved text of a reply with every tag marked by its status, followed by the tags the
 * agent should check (unknown ones stay visible as written, missing ones would be left empty).
 */
export function renderPreview(resolved: ResolvedTemplate, i18n: LocalizeController) {
  const flagged = resolved.segments.filter(
    (s): s is TagSegment => s.kind === 'tag' && (s.status === 'unknown' || s.status === 'missing'),
  );
  const body = resolved.segments.map((s) =>
    s.kind === 'text'
      ? s.text
      : html`<mark part="tag tag-${s.status}" class="tag ${s.status}" title=${explain(i18n, s)}
          >${s.status === 'missing' ? s.raw : s.text}</mark
        >`,
  );
  const warnings = flagged.length
    ? html`<div part="warnings" class="warnings" role="note">
        <strong>${i18n.t('quickReplies.warningsTitle')}</strong>
        <ul>
          ${[...new Map(flagged.map((s) => [s.raw, s])).values()].map(
            (s) => html`<li>${explain(i18n, s)}</li>`,
          )}
        </ul>
      </div>`
    : nothing;
  // The body is `white-space: pre-wrap`: no whitespace may surround its content.
  // prettier-ignore
  return html`<div part="preview-body" class="preview-body">${body}</div>${warnings}`;
}
