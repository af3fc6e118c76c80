// Accessibility fixes for Material's own markup that its templates don't let us set.
;(() => {
  function nameMaterialWidgets() {
    // The search overlay is role="dialog" without an accessible name (axe: aria-dialog-name).
    const search = document.querySelector(".md-search[role=dialog]")
    if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search the guide")
    // navigation.instant.progress draws a role="progressbar" without a name (aria-progressbar-name).
    for (const bar of document.querySelectorAll(".md-progress:not([aria-label])")) {
      bar.setAttribute("aria-label", "Loading page")
    }
  }
  nameMaterialWidgets()
  if (window.document$) window.document$.subscribe(nameMaterialWidgets)
})()
