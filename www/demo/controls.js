// Buttons of the embed demos: clear the article, or annotate it again in either mode.
// Shows how many marks there are and whether the article's text changed.
import { annotate, clear } from "../whosaid.js";

const article = document.querySelector("#story");
const status = document.querySelector(".demo-status");
const original = article.textContent;

function report(result) {
  const marks = article.querySelectorAll("mark.ws-mark").length;
  const same = article.textContent === original ? "text unchanged" : "TEXT CHANGED";
  const s = result?.stats;
  status.textContent = s
    ? `${s.quotes} quotes, ${s.claims} claims, ${s.speakers.length} speakers — ${s.mode === "highlight" ? `${s.ranges} highlights` : `${marks} marks`}, ${same}`
    : `${marks ? `${marks} marks` : "no marks"}, ${same}`;
}

document.querySelector(".demo-bar").addEventListener("click", async (ev) => {
  const action = ev.target.closest("button")?.dataset.action;
  if (action === "clear") {
    clear(article);
    report(null);
  } else if (action) {
    report(await annotate(article, { mode: action }));
  }
});
article.addEventListener("whosaid:annotated", (ev) => report(ev.detail));
// On a slow machine the one-line embed can finish before this module runs (its event then
// went by unheard): annotate again so the status reports it.
if (article.annotations) article.refresh();
// The one-line embed of embed-demo.html annotates on its own; report once it has.
setTimeout(() => { if (!status.textContent) report(null); }, 1500);
