/**
 * Calls back with the page's URL whenever it changes: Medium moves between articles with the
 * History API, without a page load. Returns a function that stops watching.
 *
 * With the Navigation API, on `currententrychange`: it fires once the new entry is committed
 * (pushState, replaceState, back/forward), so a navigation that never commits (a download link, a 204
 * answer, a page cancelling its own navigation) changes nothing. Elsewhere a once-a-second look at
 * `location.href`, as cheap as a watcher can be.
 */
export function watchUrl(onChange: (url: string) => void): () => void {
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  let last = location.href;
  const check = () => {
    if (location.href === last) return;
    last = location.href;
    onChange(last);
  };
  if (navigation) {
    navigation.addEventListener('currententrychange', check);
    return () => navigation.removeEventListener('currententrychange', check);
  }
  const timer = setInterval(check, 1_000);
  return () => clearInterval(timer);
}
