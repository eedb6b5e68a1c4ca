// Bench fixture: the least an extension page can do to show the catalog: titles from an in-memory
// array (no IndexedDB, no framework). The popup's floor in BENCHMARKS.md.
const list = document.querySelector('.posts');
for (const post of self.CATALOG.posts) {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.className = 'row-link';
  link.href = post.url;
  link.textContent = post.title;
  item.append(link);
  list.append(item);
}
