// Live preview updates. Served only under /p/<token>/, never in a published site.
(function () {
  "use strict";
  if (!window.EventSource) return;
  var source = new EventSource("events");
  var sheet = document.querySelector('link[rel="stylesheet"]');
  source.addEventListener("draft", function (event) {
    var data = JSON.parse(event.data);
    if (sheet && data.v) sheet.href = "styles.css?v=" + data.v + "-" + Date.now();
    document.body.innerHTML = data.body;
    if (data.title) document.title = data.title;
  });
  source.addEventListener("stored", function () {
    // The stream ended: show the stored version (the final draft, or the old one if it was cancelled).
    source.close();
    window.location.reload();
  });
  source.addEventListener("gone", function () { source.close(); });
})();
