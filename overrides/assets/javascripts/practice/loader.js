// Loads practice mode's page code only where it is needed: a page with an element
// [data-sg-practice="mock|review|progress"] gets its data, ts-fsrs (from npm, served by the site)
// and its module, once; then the module's mount(root) runs on every visit (Material's instant
// navigation swaps pages without a reload). The unmount it returns runs before the next page.
// Classic scripts only: the offline copy opened from file:// can't import ES modules or fetch JSON.
;(() => {
const assets = new URL("../../", document.currentScript.src)
const NEEDS = {
  mock: ["practice/practice.js", "javascripts/practice/dom.js", "javascripts/practice/mock.js"],
  review: ["vendor/ts-fsrs/index.umd.js", "practice/deck.js", "javascripts/practice/dom.js",
           "javascripts/practice/review.js"],
  progress: ["practice/practice.js", "practice/deck-index.js", "javascripts/practice/dom.js",
             "javascripts/practice/progress.js"],
}
const loaded = new Map()
let unmount = null
let mounted = null // the root element mounted last (setUp runs at load and on each document$)

// All of a page's scripts are requested at once; async = false runs them in the listed order.
function loadScript(path) {
  if (!loaded.has(path)) {
    loaded.set(path, new Promise((resolve, reject) => {
      const script = document.createElement("script")
      script.async = false
      script.src = new URL(path, assets).href
      script.onload = resolve
      script.onerror = () => reject(new Error(`could not load ${script.src}`))
      document.head.append(script)
    }))
  }
  return loaded.get(path)
}

async function setUp() {
  const root = document.querySelector("[data-sg-practice]")
  if (root && root === mounted) return
  mounted = root
  if (unmount) { try { unmount() } catch (error) { console.error(error) } unmount = null }
  if (!root) return
  const name = root.dataset.sgPractice
  await Promise.all((NEEDS[name] || []).map(loadScript))
  const mount = window.StudyGuidePractice && window.StudyGuidePractice[name]
  if (mount && root.isConnected) unmount = mount(root) || null
}

function run() { setUp().catch(error => console.error("Practice:", error)) }
// Now (under file:// Material's document$ does not fire) and after every instant navigation.
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run)
else run()
if (window.document$) window.document$.subscribe(run)
})()
