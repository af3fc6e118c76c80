// Review page: spaced-repetition cards from the build's deck (assets/practice/deck.js), scheduled
// by ts-fsrs (FSRS, from npm, served by the site as assets/vendor/ts-fsrs/index.umd.js).
// Show the front, reveal the answer, grade again / hard / good / easy; due counts per deck; a
// daily limit on new cards. Review state lives in localStorage through StudyGuideStore, keyed by
// card id (ids come from the card's answer, studyguide/practice/deck.py), so a card whose answer
// changed comes back as a new card and cards that left the deck are simply ignored.
// Keys: Space or Enter reveals (the focused button), 1-4 grade once the answer shows.
;(() => {
const store = window.StudyGuideStore
const deck = window.StudyGuideDeck
const F = window.FSRS
const scheduler = F.fsrs(F.generatorParameters({ enable_fuzz: false }))
const GRADES = [
  { rating: F.Rating.Again, name: "Again", key: "1" },
  { rating: F.Rating.Hard, name: "Hard", key: "2" },
  { rating: F.Rating.Good, name: "Good", key: "3" },
  { rating: F.Rating.Easy, name: "Easy", key: "4" },
]
const RELEARN_WITHIN = 20 * 60000 // a card due again within 20 minutes comes back in this session

const { el, siteUrl } = window.StudyGuideDom

/** Counts per deck at `now`: due (seen before, due now), new (never seen), total. */
function counts(state, now) {
  const out = Object.fromEntries(deck.decks.map(d => [d.key, { due: 0, new: 0, total: 0 }]))
  for (const card of deck.cards) {
    const c = out[card.deck]
    c.total++
    const saved = state.cards[card.id]
    if (!saved) c.new++
    else if (new Date(saved.due).getTime() <= now) c.due++
  }
  return out
}
function newLeftToday(state, now) {
  return Math.max(0, state.newLimit - (state.newDays[store.day(now)] || 0))
}
function interval(ms) {
  const minutes = Math.round(ms / 60000)
  if (minutes < 60) return `${Math.max(1, minutes)} min`
  const hours = Math.round(minutes / 60)
  if (hours < 24) return `${hours} h`
  const days = Math.round(hours / 24)
  return days < 31 ? `${days} d` : `${Math.round(days / 30)} mo`
}

// Formula answers arrive typeset by the build (deck card `html`, KaTeX's HTML and MathML);
// only KaTeX's stylesheet is needed, and it is added once, on the first formula shown.
function loadKatexStyles() {
  if (!document.querySelector('link[data-katex-styles]')) {
    document.head.append(el("link", { rel: "stylesheet", href: siteUrl("assets/vendor/katex/katex.min.css"),
                                      "data-katex-styles": "" }))
  }
}

function mount(root) {
  let queue = []
  let current = null
  let sessionDeck = null
  let revealed = false

  root.replaceChildren(
    el("section", { class: "sg-review", "aria-labelledby": "sg-review-decks-title" },
      el("h2", { id: "sg-review-decks-title", text: "Decks" }),
      el("table", { "data-deck-table": true },
        el("caption", { text: "Cards due now and new cards you can start today, per deck" }),
        el("thead", {}, el("tr", {}, ...["Deck", "Due", "New today", "Cards", ""].map(h => el("th", { scope: "col", text: h })))),
        el("tbody", { "data-decks": true })),
      el("p", {}, el("label", { for: "sg-new-limit", text: "New cards per day " }),
        el("input", { type: "number", id: "sg-new-limit", min: 0, max: 999, step: 1 }), " ",
        el("span", { "data-new-left": true })),
      el("p", {}, el("button", { type: "button", class: "md-button md-button--primary", "data-review": "all", text: "Review all decks" }))),
    el("section", { class: "sg-review__session", "aria-labelledby": "sg-review-title", hidden: true },
      el("h2", { id: "sg-review-title", tabindex: -1 }),
      el("p", { "data-left": true }),
      el("div", { class: "sg-review__card" },
        el("p", { class: "sg-review__context", "data-context": true }),
        el("p", { class: "sg-review__front", "data-front": true }),
        el("div", { class: "sg-review__back", "data-back": true, hidden: true, tabindex: -1 })),
      el("p", {}, el("button", { type: "button", class: "md-button md-button--primary", "data-action": "reveal", text: "Show the answer" })),
      el("div", { class: "sg-review__grades", role: "group", "aria-label": "How well did you remember it?", hidden: true },
        ...GRADES.map(g => el("button", { type: "button", class: "md-button", "data-grade": g.rating, "aria-keyshortcuts": g.key }))),
      el("p", {}, el("button", { type: "button", class: "md-button", "data-action": "stop", text: "Stop reviewing" }))),
    el("div", { class: "sg-visually-hidden", "aria-live": "polite", "data-announce": true }))

  const $ = selector => root.querySelector(selector)
  const limit = $("#sg-new-limit")

  function renderDecks() {
    const state = store.srs()
    const now = Date.now()
    const c = counts(state, now)
    const left = newLeftToday(state, now)
    $("[data-decks]").replaceChildren(...deck.decks.map(d => el("tr", { "data-deck": d.key },
      el("th", { scope: "row", text: d.title }),
      el("td", { "data-due": true, text: String(c[d.key].due) }),
      el("td", { "data-new": true, text: String(Math.min(c[d.key].new, left)) }),
      el("td", { text: String(c[d.key].total) }),
      el("td", {}, el("button", { type: "button", class: "md-button", "data-review": d.key,
        "aria-label": `Review ${d.title}`, text: "Review" })))))
    limit.value = String(state.newLimit)
    $("[data-new-left]").textContent = `(${left} new left today)`
  }

  function startSession(key) {
    const state = store.srs()
    const now = Date.now()
    const inDeck = deck.cards.filter(card => key === "all" || card.deck === key)
    const due = inDeck.filter(card => state.cards[card.id] && new Date(state.cards[card.id].due).getTime() <= now)
      .sort((a, b) => new Date(state.cards[a.id].due) - new Date(state.cards[b.id].due))
    const fresh = inDeck.filter(card => !state.cards[card.id]).slice(0, newLeftToday(state, now))
    queue = [...due, ...fresh]
    sessionDeck = key === "all" ? "all decks" : deck.decks.find(d => d.key === key).title
    $(".sg-review__session").hidden = false
    $("#sg-review-title").textContent = `Reviewing ${sessionDeck}`
    nextCard()
    $("#sg-review-title").focus()
  }

  function nextCard() {
    current = queue.shift() || null
    revealed = false
    $("[data-back]").hidden = true
    $(".sg-review__grades").hidden = true
    const reveal = $('[data-action="reveal"]')
    if (!current) {
      $("[data-left]").textContent = `Done: no more cards due in ${sessionDeck} now.`
      $("[data-context]").textContent = ""
      $("[data-front]").textContent = "All caught up."
      reveal.hidden = true
      renderDecks()
      return
    }
    reveal.hidden = false
    $("[data-left]").textContent = `${queue.length + 1} card${queue.length ? "s" : ""} left in this session`
    const deckTitle = deck.decks.find(d => d.key === current.deck).title
    $("[data-context]").textContent = current.context ? `${deckTitle} · ${current.context}` : deckTitle
    $("[data-front]").textContent = current.front
  }

  async function reveal() {
    if (!current || revealed) return
    revealed = true
    const back = $("[data-back]")
    const link = current.url ? el("a", { href: siteUrl(current.url), text: current.link || "Where this is taught" }) : null
    if (current.tex) {
      const formula = el("div", { class: "sg-review__tex", text: current.tex })
      if (current.html) {
        loadKatexStyles()
        formula.innerHTML = current.html  // generated by our own build from our own TeX
      }
      back.replaceChildren(formula, link ? el("p", {}, link) : null)
    } else {
      back.replaceChildren(el("p", { text: current.back }), link ? el("p", {}, "Read more: ", link) : null)
    }
    back.hidden = false
    const saved = store.srs().cards[current.id]
    const card = saved ? F.TypeConvert.card(saved) : F.createEmptyCard(new Date())
    const preview = scheduler.repeat(card, new Date())
    for (const g of GRADES) {
      const button = $(`[data-grade="${g.rating}"]`)
      const wait = interval(preview[g.rating].card.due.getTime() - Date.now())
      button.textContent = `${g.name} (${wait})`
      button.setAttribute("aria-label", `${g.name}: see it again in ${wait}`)
    }
    $('[data-action="reveal"]').hidden = true
    $(".sg-review__grades").hidden = false
    $(`[data-grade="${F.Rating.Good}"]`).focus()
  }

  function grade(rating) {
    if (!current || !revealed) return
    const state = store.srs()
    const now = new Date()
    const saved = state.cards[current.id]
    if (!saved) state.newDays[store.day(now.getTime())] = (state.newDays[store.day(now.getTime())] || 0) + 1
    const card = saved ? F.TypeConvert.card(saved) : F.createEmptyCard(now)
    const next = scheduler.next(card, now, rating).card
    state.cards[current.id] = next
    state.log.push({ id: current.id, rating, at: now.getTime() })
    store.saveSrs(state)
    if (next.due.getTime() - now.getTime() <= RELEARN_WITHIN) queue.push(current)
    $("[data-announce]").textContent = `Graded ${GRADES.find(g => g.rating === rating).name}.`
    nextCard()
    const focusTarget = current ? $('[data-action="reveal"]') : $("#sg-review-title")
    focusTarget.focus()
  }

  root.addEventListener("click", event => {
    const target = event.target instanceof Element ? event.target : null
    const review = target && target.closest("[data-review]")
    if (review) startSession(review.dataset.review)
    const gradeButton = target && target.closest("[data-grade]")
    if (gradeButton) grade(Number(gradeButton.dataset.grade))
    const action = target && target.closest("[data-action]")
    if (action && action.dataset.action === "reveal") reveal()
    if (action && action.dataset.action === "stop") {
      queue = []; current = null
      $(".sg-review__session").hidden = true
      renderDecks()
      $('[data-review="all"]').focus()
    }
  })
  limit.addEventListener("change", () => {
    const value = Math.max(0, Math.min(999, Math.round(Number(limit.value) || 0)))
    const state = store.srs()
    state.newLimit = value
    store.saveSrs(state)
    renderDecks()
  })
  const onKey = event => {
    if (!current || event.altKey || event.ctrlKey || event.metaKey) return
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return
    const g = revealed && GRADES.find(x => x.key === event.key)
    if (g) { event.preventDefault(); grade(g.rating) }
  }
  document.addEventListener("keydown", onKey)
  renderDecks()
  return () => document.removeEventListener("keydown", onKey)
}

window.StudyGuidePractice = window.StudyGuidePractice || {}
window.StudyGuidePractice.review = mount
window.StudyGuideReview = { counts, newLeftToday }
})()
