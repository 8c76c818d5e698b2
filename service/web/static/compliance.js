// Compliance page: a row's link scrolls the parent's and the child's text to its passages.
"use strict";
(function () {
  const texts = document.getElementById("texts");
  if (!texts) return;

  function reveal(preId, anchorId) {
    const pre = document.getElementById(preId);
    const anchor = anchorId && document.getElementById(anchorId);
    if (!pre || !anchor) return;
    pre.scrollTop = Math.max(0, anchor.offsetTop - 24);   // the pre is the offsetParent (position: relative)
    const mark = anchor.nextElementSibling;
    if (mark && mark.tagName === "MARK") mark.classList.add("active");
  }

  document.addEventListener("click", function (event) {
    const link = event.target.closest("a.jump");
    if (!link) return;
    event.preventDefault();
    for (const old of texts.querySelectorAll("mark.active")) old.classList.remove("active");
    texts.scrollIntoView({ block: "start" });
    reveal("parent-text", link.dataset.parent);
    reveal("child-text", link.dataset.child);
  });

  const card = document.getElementById("hovercard");
  for (const mark of texts.querySelectorAll("mark.hl[title]")) {
    mark.dataset.tip = mark.getAttribute("title");
    mark.removeAttribute("title");
  }
  texts.addEventListener("mouseover", function (event) {
    const mark = event.target.closest("mark.hl");
    if (!mark || !card) return;
    card.textContent = mark.dataset.tip || "";
    card.hidden = false;
    const box = mark.getBoundingClientRect();
    card.style.left = Math.max(4, window.scrollX + box.left) + "px";
    card.style.top = (window.scrollY + box.bottom + 6) + "px";
  });
  texts.addEventListener("mouseout", function (event) {
    const mark = event.target.closest("mark.hl");
    if (mark && card && !mark.contains(event.relatedTarget)) card.hidden = true;
  });
})();
