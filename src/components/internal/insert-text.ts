/**
 * Inserts text at the caret of a text field or contenteditable element, replacing the selection,
 * and fires `input` as typing would. Returns whether `target` could take the text.
 */
export function insertText(target: Element, text: string): boolean {
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement) {
    const start = target.selectionStart ?? target.value.length;
    const end = target.selectionEnd ?? start;
    target.focus();
    target.setRangeText(text, start, end, 'end');
    target.dispatchEvent(
      new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }),
    );
    return true;
  }
  if (target instanceof HTMLElement && target.isContentEditable) {
    target.focus();
    const selection =
      (
        target.getRootNode() as Document | (ShadowRoot & { getSelection?: () => Selection | null })
      ).getSelection?.() ?? document.getSelection();
    const range =
      selection &&
      selection.rangeCount > 0 &&
      target.contains(selection.getRangeAt(0).startContainer)
        ? selection.getRangeAt(0)
        : null;
    const node = document.createTextNode(text);
    if (range) {
      range.deleteContents();
      range.insertNode(node);
      range.setStartAfter(node);
      selection?.removeAllRanges();
      selection?.addRange(range);
    } else target.append(node);
    target.dispatchEvent(
      new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }),
    );
    return true;
  }
  return false;
}
