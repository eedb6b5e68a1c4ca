/** Resolves once the page's DOM is parsed (at once if it already is): what the panel and the notes measure. */
export function domContentLoaded(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}
