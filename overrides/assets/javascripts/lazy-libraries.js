// Loads Mermaid and KaTeX from this site (never a CDN), and only on pages that use them.
// Material's instant navigation swaps pages without reloading, so we render on every
// `document$` emission instead of once at load time. A classic script (not a module) so that the
// offline copy opened from file:// runs it: Chromium refuses module scripts from file:// URLs.
;(() => {
const vendor = new URL("../vendor/", document.currentScript.src)

let mermaidReady = null
let katexLoaded = null

function loadScript(url) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script")
    script.src = url
    script.onload = resolve
    script.onerror = () => reject(new Error(`could not load ${url}`))
    document.head.appendChild(script)
  })
}

function loadStyle(url) {
  if (document.querySelector(`link[href="${url}"]`)) return
  const link = document.createElement("link")
  link.rel = "stylesheet"
  link.href = url
  document.head.appendChild(link)
}

// Over http(s) the ES module build loads only the chunks a diagram needs; file:// pages can't
// import modules, so the offline copy falls back to the single-file (UMD) build.
async function loadMermaid() {
  if (location.protocol === "file:") {
    await loadScript(new URL("mermaid/mermaid.min.js", vendor).href)
    return window.mermaid
  }
  return (await import(new URL("mermaid/mermaid.esm.min.mjs", vendor).href)).default
}

function colorScheme() {
  return document.body.getAttribute("data-md-color-scheme") === "slate" ? "dark" : "default"
}

async function renderDiagrams() {
  // Each diagram is claimed for the current theme before any await, so overlapping calls (page
  // load, document$, a palette switch) never render the same diagram twice.
  const theme = colorScheme()
  const diagrams = [...document.querySelectorAll("div.mermaid")].filter(d => d.dataset.theme !== theme)
  if (diagrams.length === 0) return
  for (const diagram of diagrams) {
    diagram.dataset.theme = theme
    // Keep the source so a palette switch can re-render with the other theme.
    if (!diagram.dataset.source) diagram.dataset.source = diagram.textContent
    diagram.removeAttribute("data-processed")
    diagram.textContent = diagram.dataset.source
  }
  mermaidReady ??= loadMermaid()
  const mermaid = await mermaidReady
  mermaid.initialize({
    startOnLoad: false,
    theme,
    securityLevel: "strict",
    flowchart: { htmlLabels: false, useMaxWidth: true },
  })
  await mermaid.run({ nodes: diagrams, suppressErrors: true })
}

async function renderMath() {
  // Claim each formula (and read its TeX) before any await: overlapping calls must not render a
  // formula twice, or the second pass would typeset the first pass's output as TeX.
  const formulas = [...document.querySelectorAll(".arithmatex")].filter(el => !el.dataset.rendered)
  if (formulas.length === 0) return
  const sources = formulas.map(formula => {
    formula.dataset.rendered = "true"
    // pymdownx.arithmatex (generic mode) wraps the TeX in \( \) or \[ \].
    return formula.textContent.trim().replace(/^\\[([]/, "").replace(/\\[)\]]$/, "")
  })
  loadStyle(new URL("katex/katex.min.css", vendor).href)
  katexLoaded ??= loadScript(new URL("katex/katex.min.js", vendor).href)
  await katexLoaded
  formulas.forEach((formula, i) => {
    window.katex.render(sources[i], formula, { displayMode: formula.tagName === "DIV", throwOnError: false })
  })
  // A formula wider than the column scrolls sideways; keyboard users must be able to scroll it.
  // Widths are only final once KaTeX's fonts have loaded.
  await document.fonts.ready
  for (const box of formulas.flatMap(formula => [...formula.querySelectorAll(".katex-display")])) {
    if (box.scrollWidth > box.clientWidth) box.tabIndex = 0
  }
}

function renderPage() {
  renderDiagrams().catch(error => console.error("Mermaid:", error))
  renderMath().catch(error => console.error("KaTeX:", error))
}

// Render now (under file:// Material's document$ never fires) and after every instant navigation.
renderPage()
if (window.document$) window.document$.subscribe(renderPage)

// Re-render diagrams when the reader toggles light/dark.
new MutationObserver(() => renderDiagrams().catch(error => console.error("Mermaid:", error)))
  .observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] })
})()
