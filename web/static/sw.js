// The dashboard's service worker: the vendored scripts and the stylesheet from the cache, everything else
// (pages, edits, the canvas) from the network, always.
"use strict";
var CACHE = "pm-app-1";
var STATIC = ["/web/static/pm.css", "/web/static/app.css", "/web/static/app.js", "/web/static/editor.js",
  "/web/static/vendor/htmx.min.js", "/web/static/vendor/sortable.min.js"];
self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(STATIC); }));
});
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }));
});
self.addEventListener("fetch", function (event) {
  var url = new URL(event.request.url);
  if (event.request.method !== "GET" || STATIC.indexOf(url.pathname) < 0) { return; }
  event.respondWith(caches.match(event.request).then(function (hit) { return hit || fetch(event.request); }));
});
