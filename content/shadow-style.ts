/**
 * A stylesheet for one of our shadow roots on a blog's page. Constructed rather than an inline
 * <style>, so a page's strict style-src CSP (which Firefox applies to content scripts' DOM) cannot
 * block it; an inline <style> where constructed sheets are missing.
 */
export function adoptStyle(shadow: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
}
