/*
 * Pay for search on demand (issue 12).
 *
 * Material fetches search/search_index.json on every page load; the build makes that file a stub
 * of a few hundred bytes, and the search worker (worker.js) fetches the real index only when asked.
 * This script asks as soon as the reader shows an intent to search: focusing the search box,
 * opening search (the toggle, or the "/", "s", "f" shortcuts, which focus the box), pointing at or
 * touching the search box. It tells the worker over a BroadcastChannel, so it needs no handle on
 * the worker Material creates. (A shared search URL, ?q=, needs no signal: Material sends its query
 * at start-up, and the worker loads on its first non-empty query.) From file:// Material itself
 * loads the full index, and only when search opens; this script then has nothing to do.
 */
(function () {
  "use strict";
  if (location.protocol === "file:" || typeof BroadcastChannel === "undefined") return;
  var channel = new BroadcastChannel("studyguide-search");

  /* Cheap to repeat: the worker loads once and ignores the rest. */
  function load() {
    channel.postMessage({ type: "load" });
  }
  function isSearch(el) {
    return el && el.closest && el.closest(".md-search, label[for='__search']");
  }
  document.addEventListener("focusin", function (ev) { if (isSearch(ev.target)) load(); }, true);
  document.addEventListener("pointerover", function hover(ev) {
    if (!isSearch(ev.target)) return;
    load();
    document.removeEventListener("pointerover", hover, true);
  }, true);
  document.addEventListener("touchstart", function (ev) { if (isSearch(ev.target)) load(); }, { capture: true, passive: true });
  document.addEventListener("change", function (ev) {
    if (ev.target && ev.target.id === "__search" && ev.target.checked) load();
  }, true);
})();
