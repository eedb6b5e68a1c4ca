// Bench fixture: the least an extension page can do to show the catalog, titles as links, no
// framework, no library. The popup's two floors in BENCHMARKS.md: popup.html lists them from an
// in-memory array (catalog.js); popup-idb.html, which has no catalog.js, reads the first page from
// IndexedDB with one open and one getAll of 50 rows, as the background stored it: what reading
// IndexedDB costs before any code of Blog Brief runs.
function showTitles(posts) {
  const list = document.querySelector('.posts');
  for (const post of posts) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.className = 'row-link';
    link.href = post.url;
    link.textContent = post.title;
    item.append(link);
    list.append(item);
  }
}

if (self.CATALOG) {
  showTitles(self.CATALOG.posts);
} else {
  const opening = indexedDB.open('floor', 1);
  opening.onsuccess = () => {
    const read = opening.result.transaction('posts').objectStore('posts').getAll(IDBKeyRange.lowerBound(0), 50);
    read.onsuccess = () => showTitles(read.result);
  };
}
