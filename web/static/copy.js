// Copy buttons of the domains page: the value of data-copy onto the clipboard, and the button says so.
"use strict";
document.addEventListener("click", async (event) => {
  const button = event.target instanceof Element ? event.target.closest("button.copy") : null;
  if (!button) return;
  const label = button.textContent;
  try {
    await navigator.clipboard.writeText(button.dataset.copy || "");
    button.textContent = button.dataset.done || "✓";
  } catch (_error) {
    const range = document.createRange(); // no clipboard permission: select the text to copy by hand
    range.selectNodeContents(button.previousElementSibling);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return;
  }
  setTimeout(() => { button.textContent = label; }, 1500);
});
