// Sign-in landing pages: the credential arrives in the URL fragment (never sent to a server,
// so never in an access log); it is read, wiped from the address bar and posted once.
(function () {
  "use strict";
  var body = document.body;
  var flow = body.dataset.flow;
  var status = document.getElementById("status");
  var hash = window.location.hash.replace(/^#/, "");
  window.history.replaceState(null, "", window.location.pathname);
  var credential = "";
  if (flow === "link" || flow === "verify") {
    credential = hash;
  } else if (flow === "widget") {
    var found = /(?:^|&)tgAuthResult=([^&]*)/.exec(hash);
    if (found) {
      try {
        var raw = found[1].replace(/-/g, "+").replace(/_/g, "/");
        credential = window.atob(raw + "===".slice((raw.length + 3) % 4));
      } catch (e) { credential = ""; }
    }
  } else if (flow === "webapp") {
    var params = new URLSearchParams(hash);
    credential = params.get("tgWebAppData") || "";
    // The dashboard follows Telegram's look: keep the theme for its pages (app.js reads it).
    if (!credential) { window.location.replace("/auth/sign-in"); return; }  // a browser, not the Mini App
    try {
      window.sessionStorage.setItem("pm-tg", "1");
      window.sessionStorage.setItem("pm-tg-theme", params.get("tgWebAppThemeParams") || "{}");
    } catch (e) { /* storage off */ }
  }
  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  fetch(body.dataset.endpoint, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
    body: JSON.stringify({ credential: credential })
  }).then(function (response) {
    return response.json();
  }).then(function (answer) {
    if (answer.next) { window.location.replace(answer.next); return; }
    status.textContent = answer.error || "";
  }).catch(function () {
    status.textContent = "…";
  });
})();
