// The visual editor around the canvas: every change is queued, sent in order with the version the page
// shows, and kept (in localStorage) until the server has stored it, so a dropped connection loses no
// keystroke: the queue resends when the network is back. A 409 means the site changed elsewhere (the
// chat, another tab): nothing is overwritten, the canvas reloads the newest version.
(function () {
  "use strict";
  var root = document.getElementById("editor");
  if (!root) { return; }
  var site = root.dataset.site;
  var version = parseInt(root.dataset.version, 10);
  var canvas = document.getElementById("canvas");
  var state = document.getElementById("save-state");
  var message = document.getElementById("message");
  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  var key = "pm-queue-" + site;
  var queue = [];
  try { queue = JSON.parse(window.localStorage.getItem(key) || "[]"); } catch (e) { queue = []; }
  var sending = false;
  var retry = 0;
  var waiters = [];
  var haptic = (window.pm && window.pm.haptic) || function () {};

  function save() { try { window.localStorage.setItem(key, JSON.stringify(queue.filter(function (q) { return !q.file; }))); } catch (e) { /* full */ } }
  function show(text) { state.textContent = text; }
  function saved() { show(root.dataset.saved + " · v" + version); root.dataset.version = String(version); }
  function say(text) { message.textContent = text; message.hidden = !text; }
  function reload() { canvas.src = "/app/sites/" + site + "/canvas/?v=" + version; }

  function enqueue(item) {
    var last = queue[queue.length - 1];
    if (item.body && item.body.op === "text" && last && !last.flying && last.body && last.body.op === "text" &&
        last.body.section === item.body.section && last.body.path === item.body.path) {
      last.body.value = item.body.value;  // the same field typed on: one edit, the newest text
    } else {
      queue.push(item);
    }
    save();
    flush();
  }
  window.pmEnqueue = enqueue;

  function settle() {
    if (queue.length === 0) { var w = waiters; waiters = []; w.forEach(function (f) { f(); }); }
  }

  function flush() {
    if (sending || queue.length === 0) { settle(); return; }
    sending = true;
    var item = queue[0];
    item.flying = true;
    show(root.dataset.saving);
    var url = item.url + (item.file ? "?version=" + version + "&section=" + encodeURIComponent(item.section || "") +
      "&hash=" + encodeURIComponent(item.hash || "") : "");
    var init = { method: "POST", credentials: "same-origin", headers: { "X-CSRF-Token": csrf } };
    if (item.file) {
      init.headers["Content-Type"] = item.file.type || "application/octet-stream";
      init.body = item.file;
    } else {
      init.headers["Content-Type"] = "application/json";
      var body = Object.assign({}, item.body || {}, { version: version });
      init.body = JSON.stringify(body);
    }
    fetch(url, init).then(function (response) {
      return response.json().then(function (answer) { return { status: response.status, answer: answer }; });
    }).then(function (result) {
      sending = false;
      retry = 0;
      queue.shift();
      save();
      var answer = result.answer;
      if (typeof answer.version === "number") { version = answer.version; }
      if (result.status === 200) {
        say("");
        saved();
        haptic("light");
        if (answer.reload) { reload(); }
      } else {
        if (result.status === 409) { queue = []; save(); }
        say(answer.error || "");
        saved();
        haptic("error");
        reload();  // show what is stored: the refused change is not on the page
      }
      flush();
    }).catch(function () {
      sending = false;
      item.flying = false;
      show(root.dataset.offline + " (" + queue.length + ")");
      retry = Math.min(retry + 1, 5);
      window.setTimeout(flush, 500 * Math.pow(2, retry));
    });
  }
  window.addEventListener("online", flush);

  // -- what the canvas says ---------------------------------------------------------------------
  var photo = document.getElementById("photo");
  var photoTarget = null;
  window.addEventListener("message", function (event) {
    if (event.origin !== window.location.origin || event.source !== canvas.contentWindow) { return; }
    var m = event.data || {};
    var url = "/app/sites/" + site + "/edits";
    if (m.type === "text" || m.type === "site_text") {
      enqueue({ url: url, body: { op: m.type, section: m.section, path: m.path, value: m.value } });
    } else if (m.type === "move_section") {
      haptic("medium");
      enqueue({ url: url, body: { op: "move_section", from: m.from, to: m.to } });
    } else if (m.type === "move_item") {
      haptic("medium");
      enqueue({ url: url, body: { op: "move_item", section: m.section, list: m.list, from: m.from, to: m.to } });
    } else if (m.type === "remove_section") {
      enqueue({ url: url, body: { op: "remove_section", section: m.section } });
    } else if (m.type === "photo") {
      photoTarget = m;
      photo.click();
    }
  });
  photo.addEventListener("change", function () {
    if (!photo.files || !photo.files[0] || !photoTarget) { return; }
    enqueue({ url: "/app/sites/" + site + "/image", file: photo.files[0], section: String(photoTarget.section),
      hash: photoTarget.hash || "" });
    photo.value = "";
  });

  // -- the toolbar and the panel ------------------------------------------------------------------
  document.getElementById("undo").addEventListener("click", function () { enqueue({ url: "/app/sites/" + site + "/undo", body: {} }); });
  document.getElementById("redo").addEventListener("click", function () { enqueue({ url: "/app/sites/" + site + "/redo", body: {} }); });
  var reorder = document.getElementById("reorder");
  function compact() { canvas.contentWindow.postMessage({ type: "compact", on: reorder.getAttribute("aria-pressed") === "true" }, window.location.origin); }
  reorder.addEventListener("click", function () {
    reorder.setAttribute("aria-pressed", reorder.getAttribute("aria-pressed") === "true" ? "false" : "true");
    compact();
  });
  canvas.addEventListener("load", compact);
  document.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "z" && !event.target.isContentEditable) {
      event.preventDefault();
      enqueue({ url: "/app/sites/" + site + (event.shiftKey ? "/redo" : "/undo"), body: {} });
    }
  });
  document.getElementById("palette").addEventListener("click", function (event) {
    var kind = event.target.dataset && event.target.dataset.kind;
    if (kind) { enqueue({ url: "/app/sites/" + site + "/edits", body: { op: "add_section", kind: kind } }); }
  });
  document.getElementById("theme").addEventListener("change", function (event) {
    var field = event.target;
    if (!field.name || field.value === "") { return; }
    var body = { op: "theme" };
    body[field.name] = field.name === "radius" ? parseInt(field.value, 10) : field.value;
    enqueue({ url: "/app/sites/" + site + "/edits", body: body });
  });
  document.getElementById("versions").addEventListener("click", function (event) {
    var number = event.target.dataset && event.target.dataset.number;
    if (number) { enqueue({ url: "/app/sites/" + site + "/versions/" + number + "/restore", body: {} }); }
  });
  document.getElementById("publish").addEventListener("click", function () {
    var button = this;
    button.disabled = true;
    show(root.dataset.publishing);
    waiters.push(function () {
      fetch("/app/sites/" + site + "/publish", {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf }, body: "{}"
      }).then(function (r) { return r.json(); }).then(function (answer) {
        button.disabled = false;
        saved();
        say(answer.error || answer.text || "");
        if (answer.url) {
          var live = document.getElementById("live");
          var link = document.getElementById("live-link");
          link.href = answer.url;
          link.textContent = answer.url;
          live.hidden = false;
          haptic("success");
        }
      }).catch(function () { button.disabled = false; saved(); });
    });
    flush();
  });
  flush();
})();
