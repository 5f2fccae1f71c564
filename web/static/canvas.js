// Inside the editor's canvas (the site as published): tap a text to edit it in place, drag sections and
// items, tap a photo to change it. Nothing is changed here directly: each change is told to the editor
// page, which queues it and sends it to the server (the site model validates it); text is plain text.
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  var link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = "/web/static/canvas.css";
  document.head.appendChild(link);
  document.addEventListener("click", function (event) {
    var a = event.target.closest && event.target.closest("a");
    if (a) { event.preventDefault(); }  // the canvas never navigates away
  }, true);
  if (params.get("view")) {
    (params.get("changed") || "").split(",").forEach(function (n) {
      var index = parseInt(n, 10) - 1;
      var el = document.querySelector('[data-pm-section="' + index + '"]');
      if (el) { el.classList.add("pm-changed"); }
    });
    return;
  }
  var parent = window.parent;
  var labels = (parent.document.getElementById("editor") || { dataset: {} }).dataset;
  function tell(message) { parent.postMessage(message, window.location.origin); }
  function sectionOf(el) {
    var s = el.closest("[data-pm-section]");
    return s ? parseInt(s.dataset.pmSection, 10) : null;
  }
  var supportsPlain = (function () { var d = document.createElement("div"); d.contentEditable = "plaintext-only"; return d.contentEditable === "plaintext-only"; })();

  document.querySelectorAll("[data-pm-path], [data-pm-site]").forEach(function (el) {
    el.contentEditable = supportsPlain ? "plaintext-only" : "true";
    el.spellcheck = true;
    el.classList.add("pm-editable");
    var before = el.textContent;
    var timer = null;
    function send() {
      window.clearTimeout(timer);
      var value = el.textContent;
      if (value === before) { return; }
      before = value;
      if (el.dataset.pmSite) { tell({ type: "site_text", path: el.dataset.pmSite, value: value }); }
      else { tell({ type: "text", section: sectionOf(el), path: el.dataset.pmPath, value: value }); }
    }
    el.addEventListener("input", function () { window.clearTimeout(timer); timer = window.setTimeout(send, 400); });
    el.addEventListener("blur", send);
    el.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); el.blur(); }
      if (event.key === "Escape") { el.textContent = before; el.blur(); }
    });
    el.addEventListener("paste", function (event) {  // plain text only, whatever the clipboard holds
      event.preventDefault();
      var text = (event.clipboardData || window.clipboardData).getData("text/plain");
      document.execCommand("insertText", false, text);
    });
  });

  // Tools on each section: drag handle, photo, remove.
  var main = document.getElementById("main");
  document.querySelectorAll("[data-pm-section]").forEach(function (section) {
    var tools = document.createElement("div");
    tools.className = "pm-tools";
    function tool(cls, label, text) {
      var b = document.createElement("button");
      b.type = "button"; b.className = cls; b.setAttribute("aria-label", label); b.title = label; b.textContent = text;
      tools.appendChild(b);
      return b;
    }
    var index = parseInt(section.dataset.pmSection, 10);
    if (section.parentNode === main) { tool("pm-handle", labels.move || "Move", "↕"); }
    if (["hero", "about", "gallery"].indexOf(section.dataset.pmKind) >= 0) {
      tool("pm-photo", labels.photo || "Photo", "📷").addEventListener("click", function () {
        tell({ type: "photo", section: index, hash: "" });
      });
    }
    if (section.dataset.pmKind !== "footer") {
      tool("pm-remove", labels.remove || "Remove", "✕").addEventListener("click", function () {
        tell({ type: "remove_section", section: index });
      });
    }
    section.insertBefore(tools, section.firstChild);
  });
  document.querySelectorAll("img[data-pm-image]").forEach(function (img) {
    img.classList.add("pm-photo-target");
    img.addEventListener("click", function () { tell({ type: "photo", section: sectionOf(img), hash: img.dataset.pmImage }); });
  });

  // Reorder mode (the editor's button): every section folded to a strip, so any two fit on a phone's screen.
  window.addEventListener("message", function (event) {
    if (event.origin !== window.location.origin || event.source !== parent) { return; }
    if (event.data && event.data.type === "compact") { document.documentElement.classList.toggle("pm-compact", !!event.data.on); }
  });

  function order(container, selector) {
    return Array.prototype.filter.call(container.children, function (c) { return c.matches(selector); });
  }
  if (window.Sortable && main) {
    var before = [];
    window.Sortable.create(main, {
      handle: ".pm-handle", draggable: "[data-pm-section]", animation: 150, forceFallback: true,
      onStart: function () { before = order(main, "[data-pm-section]").map(function (s) { return parseInt(s.dataset.pmSection, 10); }); },
      onEnd: function (event) {
        if (event.oldDraggableIndex === event.newDraggableIndex) { return; }
        tell({ type: "move_section", from: before[event.oldDraggableIndex], to: before[event.newDraggableIndex] });
      }
    });
    document.querySelectorAll("[data-pm-list]").forEach(function (list) {
      window.Sortable.create(list, {
        draggable: "[data-pm-item]", animation: 150, delay: 250, forceFallback: true, filter: ".pm-editable:focus",
        preventOnFilter: false,
        onEnd: function (event) {
          if (event.oldDraggableIndex === event.newDraggableIndex) { return; }
          tell({ type: "move_item", section: sectionOf(list), list: list.dataset.pmList,
            from: event.oldDraggableIndex, to: event.newDraggableIndex });
        }
      });
    });
  }
})();
