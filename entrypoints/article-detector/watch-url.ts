/**
 * Calls back with the new URL whenever the page's address changes: Medium moves between articles
 * with the History API, without a page load.
 *
 * The Navigation API's `navigate` event where there is one (it reports the destination before
 * `location.href` changes, so the destination is what is passed on); elsewhere a once-a-second look
 * at `location.href`, as cheap as a watcher can be.
 */
interface NavigateEvent extends Event {
  destination: { url: string };
}

export function watchUrl(onChange: (url: string) => void): void {
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation) {
    navigation.addEventListener('navigate', (event) => onChange((event as NavigateEvent).destination.url));
    return;
  }
  let last = location.href;
  setInterval(() => {
    if (location.href === last) return;
    last = location.href;
    onChange(last);
  }, 1_000);
}
