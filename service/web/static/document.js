// Document page: a hover card explaining each highlighted value (from its title attribute).
"use strict";
(function () {
  const card = document.getElementById("hovercard");
  const text = document.getElementById("doctext");
  if (!card || !text) return;
  // The explanation moves from the title (the no-JS tooltip) to data-tip, so only one card shows.
  for (const mark of text.querySelectorAll("mark.hl[title]")) {
    mark.dataset.tip = mark.getAttribute("title");
    mark.removeAttribute("title");
  }
  function show(mark) {
    card.textContent = mark.dataset.tip || "";
    card.hidden = false;
    const box = mark.getBoundingClientRect();
    const left = Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - card.offsetWidth - 8);
    card.style.left = Math.max(4, left) + "px";
    card.style.top = (window.scrollY + box.bottom + 6) + "px";
  }
  text.addEventListener("mouseover", function (event) {
    const mark = event.target.closest("mark.hl");
    if (mark) show(mark);
  });
  text.addEventListener("mouseout", function (event) {
    const mark = event.target.closest("mark.hl");
    if (mark && !mark.contains(event.relatedTarget)) card.hidden = true;
  });
  text.addEventListener("wheel", function () { card.hidden = true; }, { passive: true });
})();
