/**
 * Stand-ins for the blogs' pages, served at the real article URLs so the content script matches
 * exactly as it would on the live sites. Shaped like Medium: a fixed top bar (a <div>: placement must not
 * depend on the site using <header>), a centred 680 px column.
 */
const LOREM =
  'Distributed systems are hard to get right at scale. This paragraph stands in for the article text so the page has a realistic column of prose to sit beside. ';

export function articlePage({ title = 'An engineering article', extraHead = '', extraBody = '' } = {}): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>
  body { margin: 0; font: 20px/1.6 Georgia, serif; color: #242424; background: #fff; }
  .topbar { position: fixed; top: 0; left: 0; right: 0; height: 57px; background: #fff; border-bottom: 1px solid #eee;
    display: flex; align-items: center; padding: 0 24px; font: 600 18px system-ui; z-index: 500; }
  main { padding-top: 80px; }
  article { max-width: 680px; margin: 0 auto; padding: 0 24px; }
  h1 { font: 700 40px/1.2 system-ui; }
</style>${extraHead}</head>
<body><div class="topbar">Medium</div><main><article>
<h1>${title}</h1>
${Array.from({ length: 14 }, () => `<p>${LOREM.repeat(3)}</p>`).join('\n')}
</article></main>${extraBody}</body></html>`;
}

/**
 * A publication home page: a list of links, not an article. With `nextUrl`, its link #next goes there
 * in-app, as Medium opens an article from a publication's home: the URL changes and the article
 * replaces the list.
 */
export function homePage({ nextUrl }: { nextUrl?: string } = {}): string {
  const list = articlePage({ title: 'Netflix TechBlog' }).replace(
    /<article>[\s\S]*<\/article>/,
    '<section><h1>Latest</h1><p>Posts…</p></section>',
  );
  if (!nextUrl) return list;
  const showArticle =
    "document.querySelector('section').outerHTML = '<article><h1>The article</h1><p>Its text.</p></article>';";
  return list.replace('</body>', `${inAppLink(nextUrl, showArticle)}</body>`);
}

/**
 * An article page whose link changes the URL in-app, the way Medium moves to the next article: the
 * History API, no page load.
 */
export function spaArticlePage(nextUrl: string): string {
  return articlePage({ extraBody: inAppLink(nextUrl, "document.querySelector('h1').textContent = 'Next';") });
}

/** A link #next that moves to `url` with history.pushState, then runs `thenScript`. */
function inAppLink(url: string, thenScript: string): string {
  return `<a id="next" href="${url}">Next article</a>
<script>document.getElementById('next').addEventListener('click', (e) => { e.preventDefault(); history.pushState({}, '', e.currentTarget.href); ${thenScript} });</script>`;
}
