import type { Node } from 'prosemirror-model';
import { NodeSelection } from 'prosemirror-state';
import type { EditorView, NodeView } from 'prosemirror-view';
import type { ImageAttrs } from './schema.js';

/** Smallest width an image can be resized to, in CSS pixels. */
export const MIN_IMAGE_WIDTH = 32;

export interface ImageViewText {
  /** Accessible name of the upload progress bar. */
  uploading: () => string;
  /** Tooltip of the resize handle. */
  resize: () => string;
  /** The image loaded (its size is known now). */
  loaded: () => void;
}

/** Width an image in `view` can take at most: the width of the block it sits in. */
export function availableWidth(view: EditorView, imageDom: Element | null): number {
  const block = imageDom?.closest('p, li, blockquote') ?? view.dom;
  const style = getComputedStyle(block);
  const padding = Number.parseFloat(style.paddingLeft) + Number.parseFloat(style.paddingRight);
  return Math.max(MIN_IMAGE_WIDTH, Math.floor(block.clientWidth - (padding || 0)));
}

export function clampWidth(width: number, max: number): number {
  return Math.round(Math.min(Math.max(width, MIN_IMAGE_WIDTH), Math.max(max, MIN_IMAGE_WIDTH)));
}

/**
 * An inline image: the `<img>`, a handle at its bottom-right corner that resizes it by dragging
 * (pointer events, aspect kept, width clamped to the editor and to 32 px), and a progress bar
 * while it uploads. The width is committed as one undoable step when the drag ends.
 */
export class ImageView implements NodeView {
  readonly dom: HTMLElement;
  private node: Node;
  private readonly img: HTMLImageElement;
  private readonly handle: HTMLElement;
  private progress?: HTMLElement;
  private drag?: {
    pointerId: number;
    startX: number;
    startWidth: number;
    max: number;
    width: number;
    rtl: boolean;
  };

  constructor(
    node: Node,
    private readonly view: EditorView,
    private readonly getPos: () => number | undefined,
    private readonly text: ImageViewText,
  ) {
    this.node = node;
    this.dom = document.createElement('span');
    this.dom.className = 'image';
    this.dom.setAttribute('part', 'image');
    this.img = this.dom.appendChild(document.createElement('img'));
    this.img.draggable = false;
    this.img.addEventListener('load', () => this.text.loaded());
    this.handle = this.dom.appendChild(document.createElement('span'));
    this.handle.className = 'resize-handle';
    this.handle.setAttribute('part', 'resize-handle');
    this.handle.setAttribute('aria-hidden', 'true');
    this.handle.addEventListener('pointerdown', this.onPointerDown);
    this.handle.addEventListener('pointermove', this.onPointerMove);
    this.handle.addEventListener('pointerup', this.onPointerUp);
    this.handle.addEventListener('lostpointercapture', this.onPointerUp);
    this.handle.addEventListener('dragstart', (e) => e.preventDefault());
    this.render();
  }

  private get attrs(): ImageAttrs {
    return this.node.attrs as ImageAttrs;
  }

  private render() {
    const { src, alt, width, progress } = this.attrs;
    if (this.img.getAttribute('src') !== src) this.img.src = src;
    this.img.alt = alt;
    this.img.style.width = width ? `${width}px` : '';
    this.handle.title = this.text.resize();
    this.dom.classList.toggle('uploading', progress !== null);
    if (progress === null) {
      this.progress?.remove();
      this.progress = undefined;
      return;
    }
    if (!this.progress) {
      this.progress = this.dom.appendChild(document.createElement('span'));
      this.progress.className = 'progress';
      this.progress.setAttribute('part', 'progress');
      this.progress.setAttribute('role', 'progressbar');
      this.progress.setAttribute('aria-valuemin', '0');
      this.progress.setAttribute('aria-valuemax', '100');
      this.progress.appendChild(document.createElement('span')).className = 'progress-value';
    }
    const percent = Math.round(Math.min(1, Math.max(0, progress)) * 100);
    this.progress.setAttribute('aria-label', this.text.uploading());
    this.progress.setAttribute('aria-valuenow', String(percent));
    (this.progress.firstChild as HTMLElement).style.inlineSize = `${percent}%`;
  }

  update(node: Node): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    if (!this.drag) this.render();
    return true;
  }

  selectNode() {
    this.dom.classList.add('ProseMirror-selectednode');
  }

  deselectNode() {
    this.dom.classList.remove('ProseMirror-selectednode');
  }

  /** The editor leaves the handle's pointer events alone (no selection, no drag and drop). */
  stopEvent(event: Event): boolean {
    return event.target === this.handle;
  }

  ignoreMutation(): boolean {
    return true;
  }

  destroy() {
    this.drag = undefined;
  }

  private readonly onPointerDown = (event: PointerEvent) => {
    if (event.button !== 0 || !this.view.editable) return;
    event.preventDefault();
    event.stopPropagation();
    this.handle.setPointerCapture(event.pointerId);
    const width = this.img.getBoundingClientRect().width;
    this.drag = {
      pointerId: event.pointerId,
      startX: event.clientX,
      startWidth: width,
      max: availableWidth(this.view, this.dom),
      width,
      rtl: getComputedStyle(this.dom).direction === 'rtl',
    };
    this.dom.classList.add('resizing');
  };

  private readonly onPointerMove = (event: PointerEvent) => {
    const drag = this.drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    const delta = (event.clientX - drag.startX) * (drag.rtl ? -1 : 1);
    drag.width = clampWidth(drag.startWidth + delta, drag.max);
    this.img.style.width = `${drag.width}px`;
  };

  private readonly onPointerUp = (event: PointerEvent) => {
    const drag = this.drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    this.drag = undefined;
    this.dom.classList.remove('resizing');
    if (this.handle.hasPointerCapture(event.pointerId))
      this.handle.releasePointerCapture(event.pointerId);
    const pos = this.getPos();
    if (pos === undefined) return;
    const tr = this.view.state.tr;
    if (drag.width !== this.attrs.width && Math.round(drag.startWidth) !== drag.width)
      tr.setNodeAttribute(pos, 'width', drag.width);
    tr.setSelection(NodeSelection.create(tr.doc, pos));
    this.view.dispatch(tr);
    this.render();
  };
}
