// Diagrams drawn when seen, formulas already typeset by the build.
//
// Mermaid (from this site, never a CDN) is loaded and lays out a diagram only when the diagram
// comes near the viewport (IntersectionObserver), before printing (`beforeprint`, or print media
// emulated), and in the offline copy opened from file:// (the same observer works there). Until
// then each diagram is a box of the size the build reserved for it (studyguide/diagrams.py) showing
// its text alternative, so nothing moves when the SVG arrives.
//
// Formulas are KaTeX HTML written by the build (studyguide/formulas.py): no KaTeX JavaScript.
// This script only links KaTeX's stylesheet after an instant navigation, lets keyboard users
// scroll formulas wider than the column, and makes copying a formula yield its TeX.
//
// Material's instant navigation swaps pages without reloading, so everything runs on each
// `document$` emission. A classic script (not a module): Chromium refuses module scripts from
// file:// URLs, and the offline copy must run it.
;(() => {
const vendor = new URL("../vendor/", document.currentScript.src)
const NEAR = "200px 0px" // start drawing a diagram this close to the viewport

let mermaidReady = null

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
  if ([...document.querySelectorAll('link[rel="stylesheet"]')].some(link => link.href === url)) return
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

// --- Diagrams ---------------------------------------------------------------------------------

// Within a screen of the viewport: a reader scrolling can bring it into view before the next frame.
function nearViewport(element) {
  const box = element.getBoundingClientRect()
  return box.bottom > -window.innerHeight && box.top < 2 * window.innerHeight
}

// The build reserved an estimated box. A diagram drawn far from the reader (printing draws them
// all) takes the drawing's real proportions, since content that moves out of sight is no shift.
// One drawn because it came near keeps the reserved box and the SVG is centred in it: resizing
// it then shifted the page as it scrolled into view (CLS 0.04-0.055 at 1280 px).
function fitBox(diagram) {
  const svg = diagram.querySelector("svg")
  const view = svg && svg.viewBox && svg.viewBox.baseVal
  if (!view || !view.width || !view.height || nearViewport(diagram)) return
  diagram.style.setProperty("--sg-diagram-ratio", String(view.width / view.height))
  diagram.style.setProperty("--sg-diagram-height", `${Math.ceil(view.height)}px`)
}

// Mermaid lays a diagram out in a scratch element off screen (not inside the diagram, where the
// source text and half-drawn SVG would show), then the finished SVG replaces the box's content.
let drawn = 0
function scratch(width) {
  let stage = document.getElementById("sg-mermaid-scratch")
  if (!stage) {
    stage = document.createElement("div")
    stage.id = "sg-mermaid-scratch"
    stage.setAttribute("aria-hidden", "true")
    stage.style.cssText = "position:absolute;left:-10000px;top:0;visibility:hidden;pointer-events:none"
    document.body.appendChild(stage)
  }
  stage.style.width = `${Math.max(width, 320)}px`
  return stage
}

async function drawDiagrams(diagrams) {
  // Each diagram is claimed for the current theme before any await, so overlapping calls (scroll,
  // print, a palette switch) never draw the same diagram twice.
  const theme = colorScheme()
  diagrams = diagrams.filter(d => d.isConnected && d.dataset.theme !== theme)
  if (diagrams.length === 0) return
  for (const diagram of diagrams) {
    diagram.dataset.theme = theme
    // Keep the source so a palette switch can draw it again with the other theme.
    if (!diagram.dataset.source) diagram.dataset.source = diagram.textContent
  }
  mermaidReady ??= loadMermaid()
  const mermaid = await mermaidReady
  mermaid.initialize({
    startOnLoad: false,
    theme,
    securityLevel: "strict",
    flowchart: { htmlLabels: false, useMaxWidth: true },
  })
  for (const diagram of diagrams) {
    if (diagram.dataset.theme !== theme || !diagram.isConnected) continue // claimed by a newer draw
    try {
      const { svg, bindFunctions } = await mermaid.render(
        `sg-mermaid-${++drawn}`, diagram.dataset.source, scratch(diagram.clientWidth))
      if (diagram.dataset.theme !== theme) continue
      diagram.innerHTML = svg
      if (bindFunctions) bindFunctions(diagram)
      diagram.dataset.drawn = theme
      fitBox(diagram)
    } catch (error) {
      diagram.dataset.drawn = "error" // the text alternative stays in place
      console.error("Mermaid:", error)
    }
  }
}

function draw(diagrams) {
  return drawDiagrams(diagrams).catch(error => console.error("Mermaid:", error))
}

const near = "IntersectionObserver" in window
  ? new IntersectionObserver(entries => {
      const seen = entries.filter(entry => entry.isIntersecting).map(entry => entry.target)
      seen.forEach(diagram => near.unobserve(diagram))
      if (seen.length) draw(seen)
    }, { rootMargin: NEAR })
  : null

function allDiagrams() {
  return [...document.querySelectorAll("div.mermaid")]
}

function watchDiagrams() {
  const waiting = allDiagrams().filter(d => !d.dataset.theme)
  if (near) waiting.forEach(diagram => near.observe(diagram))
  else draw(waiting)
}

// Printing shows every diagram, drawn or not yet seen. A checklist printed on its own
// (checklists.js) shows none, so nothing is drawn behind its back while it prints.
function drawAllForPrint() {
  if (document.documentElement.classList.contains("sg-print-checklist")) return Promise.resolve()
  allDiagrams().forEach(diagram => near && near.unobserve(diagram))
  return draw(allDiagrams())
}
window.addEventListener("beforeprint", drawAllForPrint)
window.matchMedia("print").addEventListener("change", event => { if (event.matches) drawAllForPrint() })
// For scripts that print (and tests): resolves once every diagram is an SVG.
window.studyguideDrawAllDiagrams = drawAllForPrint

// Draw again with the other theme when the reader toggles light/dark (only what was drawn).
new MutationObserver(() => draw(allDiagrams().filter(d => d.dataset.theme)))
  .observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] })

// --- Formulas ---------------------------------------------------------------------------------

// A formula wider than the column scrolls sideways; keyboard users must be able to scroll it.
// Widths change when KaTeX's fonts load and when a block far down is first laid out (see
// site.css: content-visibility), so each display formula is checked whenever its size changes.
const overflowWatch = "ResizeObserver" in window
  ? new ResizeObserver(entries => entries.forEach(entry => markScrollable(entry.target)))
  : null

function markScrollable(box) {
  if (box.scrollWidth > box.clientWidth) box.tabIndex = 0
}

function prepareFormulas() {
  if (!document.querySelector(".arithmatex .katex")) return
  // The build links the stylesheet in <head>; instant navigation does not bring <head> along.
  loadStyle(new URL("katex/katex.min.css", vendor).href)
  for (const box of document.querySelectorAll(".arithmatex .katex-display")) {
    if (overflowWatch) overflowWatch.observe(box)
    else document.fonts.ready.then(() => markScrollable(box))
  }
}

// Copying a selection that contains formulas yields their TeX ($...$ inline, $$...$$ display),
// read from the MathML annotation KaTeX wrote at build time.
document.addEventListener("copy", event => {
  const selection = document.getSelection()
  if (!selection || selection.isCollapsed || !event.clipboardData) return
  const fragment = selection.getRangeAt(0).cloneContents()
  const formulas = fragment.querySelectorAll(".katex")
  if (formulas.length === 0) {
    const formula = selection.anchorNode && selection.anchorNode.parentElement &&
      selection.anchorNode.parentElement.closest(".katex")
    if (!formula) return
    fragment.replaceChildren(formula.cloneNode(true))
  }
  for (const formula of fragment.querySelectorAll(".katex")) {
    const tex = formula.querySelector('annotation[encoding="application/x-tex"]')
    if (!tex) continue
    const display = formula.parentElement && formula.parentElement.classList.contains("katex-display")
    formula.replaceWith(display ? `$$${tex.textContent}$$` : `$${tex.textContent}$`)
  }
  for (const box of fragment.querySelectorAll(".katex-display")) box.replaceWith(box.textContent)
  const holder = document.createElement("div")
  holder.append(fragment)
  event.clipboardData.setData("text/plain", holder.textContent)
  event.preventDefault()
})

// --- Every page -------------------------------------------------------------------------------

function preparePage() {
  watchDiagrams()
  prepareFormulas()
}

// Now (under file:// Material's document$ never fires) and after every instant navigation.
preparePage()
if (window.document$) window.document$.subscribe(preparePage)
})()
