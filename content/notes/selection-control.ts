/**
 * The "Highlight" control that appears near the reader's selection in the article: the extension's
 * own UI, in a shadow root on <html>, out of the article's DOM. Offered only for a selection inside
 * the article's text (never across our panel or outside the article), and acted on only for the
 * reader's own click: a page that clicks it with a synthetic event changes nothing.
 */
import { t } from '../../utils/text/i18n';
import { adoptStyle } from '../shadow-style';

/** Marks the control's host, as the panel's host is marked (content/panel/panel-host.tsx). */
export const SELECTION_CONTROL_ATTRIBUTE = 'data-blog-brief-highlight';

const STYLE = `
:host { all: initial; }
button {
  position: absolute; z-index: 2147483646; font: 600 13px/1 system-ui, sans-serif;
  padding: 7px 10px; border-radius: 6px; border: 1px solid #2f6f4f; cursor: pointer;
  background: #2f6f4f; color: #fff; box-shadow: 0 4px 12px rgba(0,0,0,.2);
}
button:focus-visible { outline: 2px solid #1f6feb; outline-offset: 2px; }
`;

export interface SelectionControl {
  dispose(): void;
}

/**
 * @param offered whether a range is a selection the notes can anchor (inside the article's text).
 * @param onHighlight the reader clicked the control for this range.
 */
export function watchSelection(
  offered: (range: Range) => boolean,
  onHighlight: (range: Range) => void,
): SelectionControl {
  const host = document.createElement('div');
  host.setAttribute(SELECTION_CONTROL_ATTRIBUTE, '');
  host.style.cssText =
    'position:absolute!important;top:0!important;left:0!important;width:0!important;height:0!important';
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyle(shadow, STYLE);
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = t('highlightControl');
  button.title = t('highlightMenu');
  shadow.append(button);
  let offeredRange: Range | null = null;

  // Pressing the button must not take the selection away before the click.
  button.addEventListener('pointerdown', (event) => event.preventDefault());
  button.addEventListener('mousedown', (event) => event.preventDefault());
  button.addEventListener('click', (event) => {
    if (!event.isTrusted || !offeredRange) return;
    const range = offeredRange;
    hide();
    onHighlight(range);
  });

  const hide = () => {
    offeredRange = null;
    host.remove();
  };

  let pending: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    const selection = document.getSelection();
    const range = selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0) : null;
    if (!range || !offered(range)) return hide();
    offeredRange = range.cloneRange();
    const rects = range.getClientRects();
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    button.style.top = `${Math.round(last.bottom + window.scrollY + 8)}px`;
    button.style.left = `${Math.round(Math.max(8, last.right + window.scrollX - 90))}px`;
    if (!host.isConnected) document.documentElement.append(host);
  };
  // Once the selection rests: selectionchange fires for every character of a drag.
  const onSelectionChange = () => {
    clearTimeout(pending);
    pending = setTimeout(check, 150);
  };
  document.addEventListener('selectionchange', onSelectionChange);
  return {
    dispose() {
      clearTimeout(pending);
      document.removeEventListener('selectionchange', onSelectionChange);
      hide();
    },
  };
}
