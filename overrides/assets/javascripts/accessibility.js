// Accessibility fixes for Material's own markup that its templates don't let us set.
;(() => {
  // The search overlay is role="dialog" without an accessible name (axe: aria-dialog-name).
  const search = document.querySelector(".md-search[role=dialog]")
  if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search the guide")
})()
