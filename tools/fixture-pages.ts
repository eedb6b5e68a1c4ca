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

/**
 * A page shaped like a real Medium article of a publication, written from what Medium's article pages
 * are made of: a top bar whose account buttons sit at the right and which is in the page's flow at
 * load, then, once the reader scrolls down and back up, is pinned to the top of the window (as
 * Medium's does); the publication's navigation row; the title and author row; a full-bleed hero
 * image; a long text column with wide ("outset") figures, a wide code block, a table and an embed
 * that reach past the 680 px column into the margins. Every such element carries data-obstacle: the
 * placement tests check the panel never covers one.
 */
export function mediumArticlePage({ title = 'An engineering article' } = {}): string {
  const para = (i: number) =>
    `<p data-obstacle="text">${LOREM.repeat(2)} <a href="#ref-${i}">A link in the text</a>.</p>`;
  const sections: string[] = [];
  for (let i = 0; i < 6; i++) {
    for (let k = 0; k < 5; k++) sections.push(para(i * 10 + k));
    if (i === 1)
      sections.push(
        `<figure class="outset" data-obstacle="wide figure"><div class="img" style="height:560px"></div><figcaption>An outset figure, 1192 px wide</figcaption></figure>`,
      );
    if (i === 2)
      sections.push(
        `<pre class="wide" data-obstacle="code">${'const answer = computeTheThing(withSomeArguments, andMore, andEvenMoreArguments);\n'.repeat(12)}</pre>`,
      );
    if (i === 3)
      sections.push(
        `<figure class="full" data-obstacle="full-bleed figure"><div class="img" style="height:520px"></div></figure>`,
      );
    if (i === 4)
      sections.push(
        `<table class="wide" data-obstacle="table"><tr><th>Service</th><th>p50</th><th>p99</th><th>Requests per second</th><th>Regions</th></tr>${'<tr><td>edge</td><td>4 ms</td><td>38 ms</td><td>1,200,000</td><td>us-east-1, us-west-2, eu-west-1</td></tr>'.repeat(6)}</table>`,
      );
    if (i === 5)
      sections.push(
        `<iframe class="outset" data-obstacle="embed" title="An embed" srcdoc="<p>Embedded</p>" style="height:400px"></iframe>`,
      );
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>
  body { margin: 0; font: 20px/1.6 Georgia, serif; color: #242424; background: #fff; }
  .metabar { position: relative; height: 57px; background: #fff; border-bottom: 1px solid #f2f2f2; display: flex;
    align-items: center; gap: 16px; padding: 0 24px; font: 14px system-ui; z-index: 500; }
  .metabar-slot { height: 58px; }
  .metabar.pinned { position: fixed; top: 0; left: 0; right: 0; }
  .metabar .logo { font: 700 24px Georgia; }
  .metabar .account { margin-left: auto; display: flex; gap: 12px; }
  .metabar button { font: 14px system-ui; padding: 8px 14px; border-radius: 99px; border: 1px solid #ccc; background: #fff; }
  .pubnav { display: flex; gap: 24px; justify-content: center; padding: 12px 24px; border-bottom: 1px solid #f2f2f2;
    font: 14px system-ui; }
  .pubnav a { color: #242424; }
  article { max-width: 680px; margin: 0 auto; padding: 0 24px; }
  h1 { font: 700 42px/1.2 system-ui; margin: 40px 0 16px; }
  .byline { display: flex; gap: 12px; align-items: center; font: 14px system-ui; margin-bottom: 32px; }
  .img { background: linear-gradient(135deg, #9cc3e6, #3c6e9f); }
  figure { margin: 40px 0; }
  figure.full { width: 100vw; margin-left: calc(50% - 50vw); }
  figure.outset, iframe.outset { width: 1192px; max-width: 100vw; margin-left: calc(50% - min(596px, 50vw)); }
  iframe.outset { display: block; border: 0; background: #f4f4f4; }
  figcaption { text-align: center; font: 14px system-ui; color: #6b6b6b; }
  pre.wide { width: 1000px; max-width: 96vw; margin-left: calc(50% - min(500px, 48vw)); overflow-x: auto; background: #f2f2f2;
    padding: 24px; box-sizing: border-box; font: 14px/1.5 monospace; }
  table.wide { width: 1000px; max-width: 96vw; margin-left: calc(50% - min(500px, 48vw)); border-collapse: collapse;
    font: 14px system-ui; }
  td, th { border-bottom: 1px solid #eee; padding: 8px; text-align: left; }
</style></head>
<body>
<div class="metabar-slot"><div class="metabar" data-obstacle="header"><a class="logo" href="https://medium.com/">Medium</a>
  <input type="search" placeholder="Search" aria-label="Search">
  <span class="account" data-obstacle="account buttons"><button>Write</button><button>Sign up</button><button>Sign in</button></span></div></div>
<nav class="pubnav" data-obstacle="publication navigation"><a href="#">Netflix TechBlog</a><a href="#">Official documentation</a>
  <a href="#">Open source</a><a href="#">Jobs</a><a href="#">Follow</a></nav>
<main><article>
<h1 data-obstacle="title">${title}</h1>
<div class="byline" data-obstacle="byline"><span>Netflix Technology Blog</span><button>Follow</button><span>12 min read</span></div>
</article>
<figure class="full" data-obstacle="hero image"><div class="img" style="height:460px"></div></figure>
<article>
${sections.join('\n')}
</article></main>
<script>
  // Medium's top bar: in the flow at load; pinned to the window while the reader scrolls back up.
  let last = scrollY;
  addEventListener('scroll', () => {
    const bar = document.querySelector('.metabar');
    if (scrollY < 80) bar.classList.remove('pinned');
    else if (scrollY < last) bar.classList.add('pinned');
    else bar.classList.remove('pinned');
    last = scrollY;
  }, { passive: true });
</script>
</body></html>`;
}
