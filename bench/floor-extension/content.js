// Bench fixture: the least a content script can do to show the brief. Same recognition rule, same
// round trip to the background, a shadow root, plain DOM calls, no framework, no features. In the
// inline variant (inline.js sets BB_INLINE, catalog.js is injected too) the brief is taken from the
// content script's own copy of the catalog: no extension API call at all, the cost of messaging left out.
(() => {
  const parts = /^https?:\/\/([^/?#:]+)(\/[^?#]*)?/i.exec(location.href);
  if (!parts) return;
  const segments = (parts[2] || '/').split('/').filter(Boolean);
  const id = /(?:^|-)([0-9a-f]{12})$/.exec(segments[segments.length - 1] || '');
  const postId = self.BB_AIRBNB_TECH_HOSTS.includes(parts[1].toLowerCase())
    ? self.BB_INDEX.airbnbTech[segments[1]]
    : id && self.BB_INDEX.medium[id[1]];
  if (!postId) return;
  const show = (post) => {
    if (!post) return;
    const host = document.createElement('blog-brief-floor');
    const shadow = host.attachShadow({ mode: 'open' });
    const el = (tag, text) => {
      const node = document.createElement(tag);
      if (text !== undefined) node.textContent = text;
      return node;
    };
    const style = el(
      'style',
      'aside{position:fixed;top:73px;right:24px;width:320px;max-height:80vh;overflow:auto;background:#fff;border:1px solid #ddd;border-radius:12px;padding:12px 16px;font:14px/1.5 system-ui}',
    );
    const aside = el('aside');
    aside.setAttribute('aria-label', 'Blog Brief');
    const list = el('ul');
    for (const bullet of post.bullets) list.append(el('li', bullet));
    aside.append(
      el('h2', post.title),
      el('h3', 'Why it matters'),
      el('p', post.summary),
      list,
      el('p', post.tags.join(' · ')),
    );
    shadow.append(style, aside);
    document.documentElement.append(host);
  };
  if (self.BB_INLINE) show(self.CATALOG.posts.find((post) => post.id === postId));
  else chrome.runtime.sendMessage({ postId }, show);
})();
