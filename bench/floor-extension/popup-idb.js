// Bench fixture: the least an extension page can do to show the catalog's first page from IndexedDB:
// one open, one getAll of the first 50 rows, titles as links. No framework, no library. The popup's
// second floor in BENCHMARKS.md: what reading IndexedDB costs before any code of Blog Brief runs.
const opening = indexedDB.open('floor', 1);
opening.onsuccess = () => {
  const read = opening.result.transaction('posts').objectStore('posts').getAll(IDBKeyRange.lowerBound(0), 50);
  read.onsuccess = () => {
    const list = document.querySelector('.posts');
    for (const post of read.result) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.className = 'row-link';
      link.href = post.url;
      link.textContent = post.title;
      item.append(link);
      list.append(item);
    }
  };
};
