// "Read / not read" for the framework, topic and case-study pages: a checkbox at the end of the
// article, ticked on its own when the reader reaches it (scrolls to the end of the page), and
// untickable by hand. Stored by StudyGuideStore (store.js, loaded before this file).
;(() => {
const TRACKED = /^(framework|topics|case-studies)\/(?!index$)[^/]+$/
let observer = null

function setUp() {
  const store = window.StudyGuideStore
  const article = document.querySelector("article.md-content__inner")
  if (!article || article.querySelector(".sg-read")) return
  if (observer) { observer.disconnect(); observer = null }
  const page = store && store.currentPageKey()
  if (!page || !TRACKED.test(page)) return
  const box = document.createElement("p")
  box.className = "sg-read"
  box.innerHTML = '<label><input type="checkbox"> I have read this page</label>' +
    ' <span class="sg-read__hint">(ticked when you reach the end; see <a>your progress</a>)</span>'
  const config = JSON.parse(document.getElementById("__config").textContent)
  const offline = location.protocol === "file:" || /\.html$/.test(location.pathname)
  box.querySelector("a").href = new URL(config.base.replace(/\/?$/, "/") +
    (offline ? "practice/progress.html" : "practice/progress/"), location.href).href
  const input = box.querySelector("input")
  input.checked = page in store.readPages()
  input.addEventListener("change", () => store.setRead(page, input.checked))
  article.append(box)
  if (input.checked || !("IntersectionObserver" in window)) return
  observer = new IntersectionObserver(entries => {
    if (!entries.some(entry => entry.isIntersecting)) return
    store.setRead(page, true)
    input.checked = true
    observer.disconnect()
    observer = null
  })
  observer.observe(box)
}

// Now (under file:// Material's document$ does not fire) and after every instant navigation.
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp)
else setUp()
if (window.document$) window.document$.subscribe(setUp)
})()
