import { css, html, nothing, type ReactiveControllerHost } from 'lit';

export interface FileDropOptions {
  /** Whether files may be dropped now (not while disabled, read-only or sending). */
  enabled: () => boolean;
  /** Files were dropped. */
  drop: (files: File[]) => void;
}

/**
 * Files dragged onto a composer: bind `onDragOver`, `onDragLeave` and `onDrop` on its frame, which
 * shows `renderOverlay()` (styled by `dropOverlayStyles`) while files are over it.
 */
export class FileDrop {
  private over = false;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly options: FileDropOptions,
  ) {}

  /** Whether files are being dragged over the frame. */
  get dragging(): boolean {
    return this.over;
  }

  readonly onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer?.types.includes('Files') || !this.options.enabled()) return;
    event.preventDefault();
    this.setOver(true);
  };

  readonly onDragLeave = (event: DragEvent) => {
    const to = event.relatedTarget as Node | null;
    if (!to || !this.host.shadowRoot?.contains(to)) this.setOver(false);
  };

  readonly onDrop = (event: DragEvent) => {
    this.setOver(false);
    const files = [...(event.dataTransfer?.files ?? [])];
    if (!files.length || !this.options.enabled()) return;
    event.preventDefault();
    this.options.drop(files);
  };

  private setOver(over: boolean) {
    if (over === this.over) return;
    this.over = over;
    this.host.requestUpdate();
  }

  /** The "drop files here" overlay while files are over the frame. */
  renderOverlay(text: string) {
    return this.over ? html`<div class="drop-overlay" aria-hidden="true">${text}</div>` : nothing;
  }
}

/** The files chosen in a file `<input>` (from its `change` event); the input is emptied for next time. */
export function takeFiles(event: Event): File[] {
  const input = event.target as HTMLInputElement;
  const files = [...(input.files ?? [])];
  input.value = '';
  return files;
}

/** The overlay of `FileDrop.renderOverlay()`, over its positioned frame. */
export const dropOverlayStyles = css`
  .drop-overlay {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    border: 2px dashed var(--_color-accent);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_color-accent-soft) 85%, transparent);
    color: var(--_color-accent);
    font-weight: 600;
    pointer-events: none;
  }
`;
