// Progress page: what has been read (framework, topics, case studies), checklist ticks, cards due,
// streaks and mock-interview history, all from this browser's localStorage (StudyGuideStore);
// export everything as one versioned JSON file, import it on another device, or clear it all.
;(() => {
const store = window.StudyGuideStore
const data = window.StudyGuidePracticeData
const deck = window.StudyGuideDeckIndex // ids, decks and sources of the cards (not their text)

const { el, siteUrl } = window.StudyGuideDom
function clock(ms) {
  const s = Math.floor(Math.abs(ms) / 1000)
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`
}
function table(caption, headers, rows, attributes = {}) {
  return el("table", attributes, el("caption", { text: caption }),
    el("thead", {}, el("tr", {}, ...headers.map(h => el("th", { scope: "col", text: h })))),
    el("tbody", {}, ...rows))
}

function mount(root) {
  const message = el("p", { class: "sg-progress__message", role: "status", "data-message": true })
  const content = el("div", { "data-content": true })
  const fileInput = el("input", { type: "file", id: "sg-import", accept: ".json,application/json" })
  root.replaceChildren(
    el("div", { class: "sg-progress" }, content,
      el("section", { "aria-labelledby": "sg-transfer-title" },
        el("h2", { id: "sg-transfer-title", text: "Move or reset your progress" }),
        el("p", { text: "Everything on this page lives only in this browser. Export it as one file, then import that file on another device or browser. Importing replaces the progress stored here." }),
        el("p", {}, el("button", { type: "button", class: "md-button md-button--primary", "data-action": "export", text: "Export all progress" })),
        el("p", {}, el("label", { for: "sg-import", text: "Import progress from an exported file: " }), fileInput),
        el("p", {}, el("button", { type: "button", class: "md-button", "data-action": "clear", text: "Clear all progress…" })),
        message)))

  function say(text, error = false) {
    message.textContent = text
    message.classList.toggle("sg-progress__message--error", error)
  }

  function render() {
    const now = Date.now()
    const read = store.readPages()
    const ticks = store.checklists()
    const srs = store.srs()
    const history = store.history()
    const streak = store.streaks(now)
    const due = {}
    const dueBySource = {}
    for (const card of deck.cards) {
      const saved = srs.cards[card.id]
      if (saved && new Date(saved.due).getTime() <= now) {
        due[card.deck] = (due[card.deck] || 0) + 1
        dueBySource[card.source] = (dueBySource[card.source] || 0) + 1
      }
    }
    const dueTotal = Object.values(due).reduce((a, b) => a + b, 0)
    const casesBySrc = Object.fromEntries(data.cases.map(c => [c.src, c]))
    const sections = [...new Set(data.pages.map(p => p.section))]
    const readCount = pages => pages.filter(p => store.pageKey(p.url) in read).length
    const tickedTotal = Object.values(ticks).reduce((a, list) => a + list.length, 0)

    content.replaceChildren(
      el("section", { "aria-labelledby": "sg-overview-title" },
        el("h2", { id: "sg-overview-title", text: "Overview" }),
        el("ul", { "data-overview": true },
          el("li", { "data-stat": "read", text: `Pages read: ${readCount(data.pages)} of ${data.pages.length}` }),
          el("li", { "data-stat": "ticks", text: `Checklist items ticked: ${tickedTotal}` }),
          el("li", { "data-stat": "due" }, `Cards due now: ${dueTotal} `, el("a", { href: siteUrl(data.links.review), text: "(review them)" })),
          el("li", { "data-stat": "streak", text: `Streak: ${streak.current} day${streak.current === 1 ? "" : "s"} (longest ${streak.longest}; ${streak.days} active day${streak.days === 1 ? "" : "s"})` }),
          el("li", { "data-stat": "mocks", text: `Mock interviews: ${history.length}` })),
        table("Coverage by section", ["Section", "Read", "Pages", "Share"], sections.map(section => {
          const pages = data.pages.filter(p => p.section === section)
          const n = readCount(pages)
          return el("tr", { "data-section": section }, el("th", { scope: "row", text: section }),
            el("td", { text: String(n) }), el("td", { text: String(pages.length) }),
            el("td", { text: `${Math.round(n / pages.length * 100)}%` }))
        }), { "data-coverage": true }),
        table("Cards due now, per deck", ["Deck", "Due", "Reviewed", "Cards"], deck.decks.map(d => {
          const seen = deck.cards.filter(c => c.deck === d.key && srs.cards[c.id]).length
          return el("tr", { "data-deck": d.key }, el("th", { scope: "row", text: d.title }),
            el("td", { text: String(due[d.key] || 0) }), el("td", { text: String(seen) }), el("td", { text: String(d.cards) }))
        }))),
      el("section", { "aria-labelledby": "sg-history-title" },
        el("h2", { id: "sg-history-title", text: "Mock-interview history" }),
        history.length === 0 ? el("p", { text: "No mock interview yet. " }, el("a", { href: siteUrl(data.links.mock), text: "Start one." })) :
          table("Your attempts, newest first", ["Date", "Case", "Length", "Time used", "Covered", "Phases over plan"],
            history.slice().reverse().map(a => el("tr", { "data-attempt": a.id },
              el("td", { text: new Date(a.finishedAt || a.startedAt).toLocaleDateString() }),
              el("td", {}, el("a", { href: siteUrl(a.url), text: a.title })),
              el("td", { text: `${a.total} min` }),
              el("td", { text: clock(a.phases.reduce((s, p) => s + p.spent, 0)) }),
              el("td", { text: `${a.covered.length} of ${a.of}` }),
              el("td", { text: String(a.phases.filter(p => p.spent > p.planned).length) }))))),
      ...sections.map(section => {
        const pages = data.pages.filter(p => p.section === section)
        const id = `sg-pages-${section.toLowerCase().replace(/\W+/g, "-")}`
        return el("section", { "aria-labelledby": id },
          el("h2", { id, text: `${section}: ${readCount(pages)} of ${pages.length} read` }),
          table(`${section} pages`, ["Page", "Read", "Checklist", "Cards due"], pages.map(p => {
            const key = store.pageKey(p.url)
            const box = el("input", { type: "checkbox", "data-read": key, checked: key in read, "aria-label": `Read: ${p.title}` })
            const kase = casesBySrc[p.src]
            const total = kase ? kase.rubric.reduce((n, g) => n + g.items.length, 0) : 0
            return el("tr", {}, el("th", { scope: "row" }, el("a", { href: siteUrl(p.url), text: p.title })),
              el("td", {}, box),
              el("td", { text: kase ? `${(ticks[kase.checklist_id] || []).length} of ${total}` : "" }),
              el("td", { text: String(dueBySource[p.src] || 0) }))
          })))
      }))
  }

  function exportFile() {
    const json = JSON.stringify(store.exportAll(), null, 2)
    const link = el("a", { href: URL.createObjectURL(new Blob([json], { type: "application/json" })),
      download: `ml-system-design-progress-${store.day()}.json` })
    document.body.append(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(link.href), 10000)
    say("Exported: the file is in your downloads.")
  }

  root.addEventListener("change", async event => {
    const target = event.target
    if (target === fileInput && fileInput.files.length) {
      const file = fileInput.files[0]
      try {
        store.importAll(await file.text())
        render()
        say(`Imported “${file.name}”: your progress was replaced by the file's.`)
      } catch (error) {
        if (!(error instanceof store.ImportError)) console.error(error)
        say(`Not imported, nothing was changed. ${error instanceof store.ImportError ? error.message : "The file could not be read."}`, true)
      }
      fileInput.value = ""
    } else if (target instanceof HTMLInputElement && target.dataset.read) {
      store.setRead(target.dataset.read, target.checked)
      render()
      root.querySelector(`[data-read="${CSS.escape(target.dataset.read)}"]`).focus()
    }
  })
  root.addEventListener("click", event => {
    const action = event.target instanceof Element && event.target.closest("[data-action]")
    if (!action) return
    if (action.dataset.action === "export") exportFile()
    if (action.dataset.action === "clear") {
      if (!window.confirm("Clear all progress stored in this browser: pages read, checklist ticks, card reviews and mock interviews? This cannot be undone; export first to keep a copy.")) {
        say("Nothing was cleared.")
        return
      }
      store.clearAll()
      render()
      say("All progress was cleared.")
    }
  })
  render()
}

window.StudyGuidePractice = window.StudyGuidePractice || {}
window.StudyGuidePractice.progress = mount
})()
