/** Keyboard shortcuts of `<agent-panel>` and their help dialog. */
import { html } from 'lit';
import type { LocalizeController } from '../../i18n/localize-controller.js';
import { fromEditable } from '../mail-thread/thread-keys.js';
import '../internal/atento-dialog.js';

export type PanelShortcut = 'next' | 'previous' | 'complete' | 'reply' | 'search' | 'help';

const KEYS: Record<string, PanelShortcut> = {
  j: 'next',
  k: 'previous',
  e: 'complete',
  r: 'reply',
  '/': 'search',
  '?': 'help',
};

/**
 * The shortcut a key press means, or `null`: plain keys only (Shift allowed for `?`), never
 * from a text field, a select or an editor, nor inside a dialog.
 */
export function panelShortcutOf(event: KeyboardEvent): PanelShortcut | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return null;
  const shortcut = KEYS[event.key];
  if (!shortcut || fromEditable(event)) return null;
  if (event.composedPath().some((node) => node instanceof HTMLDialogElement)) return null;
  return shortcut;
}

const HELP = [
  [['j'], 'panel.key.next'],
  [['k'], 'panel.key.previous'],
  [['e'], 'panel.key.complete'],
  [['r'], 'panel.key.reply'],
  [['/'], 'panel.key.search'],
  [['p', 'n'], 'panel.key.interactions'],
  [['?'], 'panel.key.help'],
] as const;

/** The help dialog listing every shortcut (opened with `?`). */
export function renderShortcutHelp(i18n: LocalizeController) {
  return html`<atento-dialog id="shortcuts" part="shortcuts" label=${i18n.t('panel.shortcuts')}>
    <p class="shortcuts-hint">${i18n.t('panel.shortcutsHint')}</p>
    <dl class="shortcuts">
      ${HELP.map(
        ([keys, label]) =>
          html`<div class="shortcut">
            <dt>${keys.map((k, i) => html`${i ? ' / ' : ''}<kbd>${k}</kbd>`)}</dt>
            <dd>${i18n.t(label)}</dd>
          </div>`,
      )}
    </dl>
  </atento-dialog>`;
}
