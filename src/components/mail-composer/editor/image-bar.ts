import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { LocalizeController } from '../../../i18n/localize-controller.js';

/**
 * The floating bar under a selected image: its alt text and width presets, so that keyboard
 * users can do what the resize handle does. Tab reaches it right after the editable area;
 * Escape returns to the editor.
 */

export interface ImageBarState {
  /** Position of the image in the document. */
  pos: number;
  alt: string;
  width: number | null;
  /** Where to draw the bar, relative to the editor frame (px): under the image, aligned with
   * its start edge (kept inside the frame by CSS). */
  top: number;
  left: number;
}

export interface ImageBarActions {
  alt: (value: string) => void;
  /** A width preset: a fraction of the width available to the image. */
  size: (fraction: number) => void;
  close: () => void;
}

const PRESETS = [
  { fraction: 0.25, label: 'editor.sizeSmall' },
  { fraction: 0.5, label: 'editor.sizeMedium' },
  { fraction: 1, label: 'editor.sizeFull' },
] as const;

export function renderImageBar(i18n: LocalizeController, bar: ImageBarState, on: ImageBarActions) {
  const onKeydown = (event: KeyboardEvent) => {
    if (
      event.key === 'Escape' ||
      (event.key === 'Enter' && event.target instanceof HTMLInputElement)
    ) {
      event.preventDefault();
      on.close();
    }
  };
  return html`<div
    part="image-bar"
    class="image-bar"
    role="group"
    aria-label=${i18n.t('editor.imageOptions')}
    style=${styleMap({ top: `${bar.top}px`, '--_image-start': `${bar.left}px` })}
    @keydown=${onKeydown}
  >
    <label class="alt-field">
      <span>${i18n.t('editor.altText')}</span>
      <input
        part="alt-input"
        class="alt-input"
        type="text"
        placeholder=${i18n.t('editor.altPlaceholder')}
        .value=${live(bar.alt)}
        @input=${(e: InputEvent) => on.alt((e.target as HTMLInputElement).value)}
      />
    </label>
    <span class="sizes" role="group" aria-label=${i18n.t('editor.imageSize')}>
      ${PRESETS.map(
        (preset) =>
          html`<button
            type="button"
            part="size-button"
            class="button small"
            data-size=${preset.fraction}
            @click=${() => on.size(preset.fraction)}
          >
            ${i18n.t(preset.label)}
          </button>`,
      )}
    </span>
  </div>`;
}
