import cssText from './embed.css?inline';

/**
 * One constructed stylesheet per document, shared by every element in it (stylesheets are
 * immutable here, so sharing one is sharing no state). Constructed stylesheets are also not
 * subject to the host page's CSP `style-src`, unlike a `<style>` element.
 */
const sheets = new WeakMap<Document, CSSStyleSheet>();

function sheetFor(doc: Document): CSSStyleSheet | null {
  const existing = sheets.get(doc);
  if (existing) return existing;
  const view = doc.defaultView;
  if (!view || !('replaceSync' in view.CSSStyleSheet.prototype)) return null;
  const sheet = new view.CSSStyleSheet();
  sheet.replaceSync(cssText);
  sheets.set(doc, sheet);
  return sheet;
}

/** Gives the shadow root the embed's CSS (Tailwind, adapted for shadow roots at build time). */
export function adoptStyles(root: ShadowRoot): void {
  const sheet = 'adoptedStyleSheets' in root ? sheetFor(root.ownerDocument) : null;
  if (sheet) {
    if (!root.adoptedStyleSheets.includes(sheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
    return;
  }
  // Old browsers: a <style> element (needs `style-src 'unsafe-inline'` under a strict CSP).
  const style = root.ownerDocument.createElement('style');
  style.textContent = cssText;
  root.prepend(style);
}
