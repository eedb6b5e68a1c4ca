// Bench fixture: answers brief lookups from an in-memory catalog (catalog.js is written by bench/run.ts).
importScripts('catalog.js');
const byId = new Map(self.CATALOG.posts.map((post) => [post.id, post]));
chrome.runtime.onMessage.addListener((message, _sender, respond) => {
  respond(byId.get(message.postId) ?? null);
});
