// DOM helpers the practice pages share (mock.js, review.js, progress.js), loaded before them by
// loader.js. A classic script: the offline copy opened from file:// can't import modules.
;(() => {
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue
    if (name === "text") node.textContent = value
    else node.setAttribute(name, value === true ? "" : value)
  }
  node.append(...children.filter(c => c !== null && c !== undefined))
  return node
}

function siteUrl(path) {
  const config = JSON.parse(document.getElementById("__config").textContent)
  return new URL(config.base.replace(/\/?$/, "/") + path, location.href).href
}

window.StudyGuideDom = { el, siteUrl }
})()
