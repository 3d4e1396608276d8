/**
 * <strike-map>'s narrow layout caps the map at 70vh. In a frame that takes its page's height, vh is
 * that height, so each resize would shrink the map and the frame again, step by step down to the
 * map's 280 px minimum. In the embed page the map keeps --strike-map-height instead. (Reaches into
 * the element's shadow root: to be replaced by a custom property of the element for that cap.)
 */
export function keepMapHeight(element: HTMLElement): void {
  const root = element.shadowRoot;
  if (!root) return;
  const sheet = new CSSStyleSheet(); // a constructed sheet: allowed under style-src 'self'
  sheet.replaceSync('@container (max-width: 719px) { .map-area { height: var(--strike-map-height, 560px); } }');
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
