/**
 * Keyboard access to scrollable regions (WCAG 2.1.1; axe `scrollable-region-focusable`). A wide antd table on a
 * phone scrolls sideways inside `.ant-table-content` / `.ant-table-body`, which keyboard users cannot reach unless
 * it is focusable. antd gives no prop for that container, so one observer for the whole app makes every such region
 * that actually overflows a named, focusable region (and takes it out of the tab order again when it fits), so new
 * pages need nothing of their own.
 */
const SCROLLERS = '.ant-table-content, .ant-table-body';
const MARK = 'data-sm-scroll-region';

function overflows(el: HTMLElement): boolean {
  return el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
}

function update(root: ParentNode) {
  for (const el of root.querySelectorAll<HTMLElement>(SCROLLERS)) {
    if (overflows(el)) {
      if (el.hasAttribute(MARK)) continue;
      el.setAttribute(MARK, '');
      el.tabIndex = 0;
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', '表格（可用方向键左右滚动）');
    } else if (el.hasAttribute(MARK)) {
      el.removeAttribute(MARK);
      el.removeAttribute('tabindex');
      el.removeAttribute('role');
      el.removeAttribute('aria-label');
    }
  }
}

/** Starts watching the document; call once at start-up. */
export function installScrollRegionAccess(doc: Document = document): void {
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      update(doc);
    });
  };
  new MutationObserver(schedule).observe(doc.body, { childList: true, subtree: true });
  doc.defaultView?.addEventListener('resize', schedule);
  schedule();
}
