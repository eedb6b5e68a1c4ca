// Bench fixture: answers brief lookups from an in-memory catalog (catalog.js is written by bench/run.ts),
// and loads the catalog into IndexedDB for popup-idb.html, as Blog Brief's background does.
importScripts('catalog.js');
const byId = new Map(self.CATALOG.posts.map((post) => [post.id, post]));
chrome.runtime.onMessage.addListener((message, _sender, respond) => {
  respond(byId.get(message.postId) ?? null);
});
const opening = indexedDB.open('floor', 1);
opening.onupgradeneeded = () => opening.result.createObjectStore('posts', { keyPath: 'rank' });
opening.onsuccess = () => {
  const store = opening.result.transaction('posts', 'readwrite').objectStore('posts');
  self.CATALOG.posts.forEach((post, rank) => {
    store.put({ ...post, rank });
  });
};
