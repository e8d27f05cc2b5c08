import { html, nothing } from 'lit';
import type { LocalizeController } from '../../i18n/localize-controller.js';
import { formatAddress, type EmailAddress, type Message } from '../../model/index.js';

/** The expanded email's To and CC lines, shortened to "and N more" until asked for all. */

/** How many To (and CC) addresses the expanded header lists before "and N more". */
const RECIPIENTS_SHOWN = 3;

export function renderRecipients(
  i18n: LocalizeController,
  message: Message,
  all: boolean,
  onToggle: () => void,
) {
  const lines: Array<[string, EmailAddress[]]> = [
    [i18n.t('message.to'), message.to],
    [i18n.t('message.cc'), message.cc],
  ];
  let hidden = 0;
  const rendered = lines
    .filter(([, list]) => list.length > 0)
    .map(([label, list]) => {
      const shown = all ? list : list.slice(0, RECIPIENTS_SHOWN);
      hidden += list.length - shown.length;
      return html`<div class="recipient-line">
        <span class="recipient-label">${label}:</span>
        <span class="recipient-list" dir="auto"
          >${shown.map(formatAddress).join(', ')}${list.length > shown.length ? ', …' : ''}</span
        >
      </div>`;
    });
  if (rendered.length === 0) return nothing;
  const expandable = hidden > 0 || all;
  return html`<div part="recipients" class="recipients">
    ${rendered}
    ${
      expandable
        ? html`<button
            part="recipients-toggle"
            class="link-button"
            type="button"
            aria-expanded=${all ? 'true' : 'false'}
            @click=${onToggle}
          >
            ${
              all
                ? i18n.t('message.showFewerRecipients')
                : i18n.t('message.showMoreRecipients', { count: hidden })
            }
          </button>`
        : nothing
    }
  </div>`;
}
