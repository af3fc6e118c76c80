// Mock interview: pick a case (or "surprise me", by tag), see only its prompt, start a 35/45/60-
// minute clock that walks the framework's phases (the 45-minute plan of studyguide/data/
// checklist.yml, scaled), then self-assess with the case's checklist, meet its follow-up questions
// one at a time, and keep a one-page summary in the attempt history.
//
// Time comes from timestamps (Date.now()), never from counting ticks: the clock is right after
// the tab was in the background, and the session (kept in localStorage by StudyGuideStore) goes
// on after a reload. Screen readers hear phase changes (and one overrun warning per phase) from a
// polite live region; the clock itself is role="timer" and stays silent.
;(() => {
const store = window.StudyGuideStore
const data = window.StudyGuidePracticeData
const LENGTHS = [35, 45, 60]
const MINUTE = 60000

// --- the clock: pure functions of the session and `now` -----------------------------------------

function newSession(caseEntry, total, now) {
  const scale = total / data.plan_minutes
  return {
    v: 1, id: `mock-${now}`, slug: caseEntry.slug, total, status: "running", startedAt: now,
    phases: data.phases.map(p => ({ key: p.key, title: p.title, planned: Math.round(p.minutes * scale * MINUTE) })),
    index: 0, phaseStartedAt: now, pausedAt: null, pausedMs: 0, spent: [], notes: {}, warned: [],
    covered: [], revealed: 0,
  }
}

/** Milliseconds spent in the current phase (paused time excluded). */
function phaseElapsed(s, now) {
  if (s.index >= s.phases.length) return 0
  return Math.max(0, (s.pausedAt ?? now) - s.phaseStartedAt - s.pausedMs)
}
function totalElapsed(s, now) { return s.spent.reduce((a, b) => a + b, 0) + phaseElapsed(s, now) }

function pause(s, now) { if (s.status === "running") { s.status = "paused"; s.pausedAt = now } }
function resume(s, now) {
  if (s.status !== "paused") return
  s.pausedMs += now - s.pausedAt
  s.pausedAt = null
  s.status = "running"
}
/** Close the current phase (done or skipped) and open the next; after the last, the interview ends. */
function nextPhase(s, now) {
  s.spent.push(phaseElapsed(s, now))
  s.index += 1
  s.phaseStartedAt = now
  s.pausedMs = 0
  if (s.pausedAt !== null) s.pausedAt = now
  if (s.index >= s.phases.length) finish(s, now)
}
function finish(s, now) {
  while (s.spent.length < s.phases.length) {
    s.spent.push(s.spent.length === s.index ? phaseElapsed(s, now) : 0)
  }
  s.index = s.phases.length
  s.status = "done"
  s.pausedAt = null
  s.finishedAt = now
}

function clock(ms) {
  const sign = ms < 0 ? "-" : ""
  const seconds = Math.floor(Math.abs(ms) / 1000)
  return `${sign}${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`
}
function minutes(ms) { return `${Math.round(ms / MINUTE * 10) / 10} min` }
function spoken(ms) {
  const m = Math.round(ms / MINUTE)
  return m === 1 ? "1 minute" : `${m} minutes`
}

// --- rendering -------------------------------------------------------------------------------------

const { el, siteUrl } = window.StudyGuideDom

function caseBySlug(slug) { return data.cases.find(c => c.slug === slug) }

function mount(root) {
  let session = store.mock()
  if (session && !caseBySlug(session.slug)) session = null // the case left the site
  let timer = null
  const save = () => store.saveMock(session)

  function show() {
    clearInterval(timer)
    timer = null
    root.replaceChildren()
    if (!session) setupView()
    else if (session.status === "done") resultsView()
    else sessionView()
  }

  // --- setup: choose a case, see its prompt, start ---
  function setupView() {
    const select = el("select", { id: "sg-mock-case" }, el("option", { value: "", text: "Choose a case…" }),
      ...data.cases.map(c => el("option", { value: c.slug, text: c.title })))
    const tag = el("select", { id: "sg-mock-tag" }, el("option", { value: "", text: "any tag" }),
      ...data.tags.map(t => el("option", { value: t, text: t })))
    const lengths = el("fieldset", { class: "sg-mock__lengths" }, el("legend", { text: "Length of the interview" }),
      ...LENGTHS.map(n => el("label", {}, el("input", { type: "radio", name: "sg-mock-length", value: n, checked: n === 45 }), ` ${n} minutes`)))
    const prompt = el("section", { class: "sg-mock__prompt", "aria-labelledby": "sg-mock-prompt-title", hidden: true },
      el("h2", { id: "sg-mock-prompt-title", text: "The prompt" }), el("p", { "data-prompt": true }))
    const status = el("p", { class: "sg-mock__status", role: "status" })
    const start = el("button", { type: "submit", class: "md-button md-button--primary", "data-action": "start", disabled: true, text: "Start the interview" })
    const form = el("form", { class: "sg-mock__setup", "aria-labelledby": "sg-mock-setup-title" },
      el("h2", { id: "sg-mock-setup-title", text: "Set up a mock interview" }),
      el("p", {}, el("label", { for: "sg-mock-case", text: "Case " }), select),
      el("p", {}, el("label", { for: "sg-mock-tag", text: "Or pick one at random from " }), tag, " ",
        el("button", { type: "button", class: "md-button", "data-action": "surprise", text: "Surprise me" })),
      status, lengths, prompt, start)
    const choose = slug => {
      const entry = caseBySlug(slug)
      select.value = slug || ""
      prompt.hidden = !entry
      start.disabled = !entry
      prompt.querySelector("[data-prompt]").textContent = entry ? entry.prompt : ""
    }
    select.addEventListener("change", () => choose(select.value))
    form.querySelector('[data-action="surprise"]').addEventListener("click", () => {
      const pool = data.cases.filter(c => !tag.value || c.tags.includes(tag.value) || c.kind === tag.value)
      if (!pool.length) { status.textContent = "No case has that tag."; return }
      const pick = pool[Math.floor(Math.random() * pool.length)]
      choose(pick.slug)
      status.textContent = `Picked at random: ${pick.title}. Read the prompt, then start.`
    })
    form.addEventListener("submit", event => {
      event.preventDefault()
      const entry = caseBySlug(select.value)
      if (!entry) return
      const total = Number(form.querySelector('input[name="sg-mock-length"]:checked').value)
      session = newSession(entry, total, Date.now())
      save()
      show()
      root.querySelector("[data-announce]").textContent = announcement()
      root.querySelector('[data-action="pause"]').focus()
    })
    root.append(form)
  }

  function phaseInfo(index = session.index) { return data.phases[index] }
  function announcement() {
    const p = session.phases[session.index]
    return `Phase ${session.index + 1} of ${session.phases.length}: ${p.title}, ${spoken(p.planned)} planned.`
  }

  // --- the running interview ---
  function sessionView() {
    const entry = caseBySlug(session.slug)
    const view = el("section", { class: "sg-mock__session", "aria-labelledby": "sg-mock-title" },
      el("h2", { id: "sg-mock-title", text: entry.title }),
      el("p", { class: "sg-mock__prompt-text", text: entry.prompt }),
      el("div", { class: "sg-mock__clock", role: "timer", "aria-label": "Interview clock" },
        el("p", { class: "sg-mock__phase" }, "Phase ", el("span", { "data-phase-number": true }), " of ",
          String(session.phases.length), ": ", el("strong", { "data-phase-title": true })),
        el("p", {}, "Time left in this phase: ", el("span", { class: "sg-mock__big", "data-phase-left": true }),
          " (planned ", el("span", { "data-phase-planned": true }), ")"),
        el("p", {}, "Time left in the interview: ", el("span", { "data-total-left": true }),
          el("span", { "data-paused": true, class: "sg-mock__paused", hidden: true, text: " (paused)" })),
        el("div", { class: "sg-mock__bar", "aria-hidden": "true" }, el("span", { "data-bar": true }))),
      el("p", { class: "sg-mock__overrun", "data-overrun": true, hidden: true }),
      el("div", { class: "sg-visually-hidden", "aria-live": "polite", "data-announce": true }),
      el("p", { class: "sg-mock__controls" },
        el("button", { type: "button", class: "md-button", "data-action": "pause" }), " ",
        el("button", { type: "button", class: "md-button md-button--primary", "data-action": "next" }), " ",
        el("button", { type: "button", class: "md-button", "data-action": "end", text: "End the interview" })),
      el("h3", { id: "sg-mock-questions", text: "Key questions for this phase" }),
      el("ul", { "data-questions": true, "aria-labelledby": "sg-mock-questions" }),
      el("p", { class: "sg-mock__output" }, el("strong", { text: "Aim to have: " }), el("span", { "data-output": true })),
      el("p", {}, el("label", { for: "sg-mock-notes", "data-notes-label": true }), el("br"),
        el("textarea", { id: "sg-mock-notes", rows: 6, class: "sg-mock__notes" })),
      el("h3", { text: "Phases" }),
      el("ol", { class: "sg-mock__phases", "data-phases": true }))
    root.append(view)
    const notes = view.querySelector("#sg-mock-notes")
    notes.addEventListener("input", () => {
      session.notes[session.phases[session.index].key] = notes.value
      save()
    })
    view.addEventListener("click", event => {
      const button = event.target instanceof Element && event.target.closest("[data-action]")
      if (!button) return
      const now = Date.now()
      const action = button.dataset.action
      if (action === "pause") { session.status === "paused" ? resume(session, now) : pause(session, now) }
      if (action === "next") {
        nextPhase(session, now)
        if (session.status !== "done") {
          save(); fillPhase(); render()
          view.querySelector("[data-announce]").textContent = announcement()
          return
        }
      }
      if (action === "end") finish(session, now)
      save()
      if (session.status === "done") { recordAttempt(); show(); focusHeading(); return }
      render()
    })
    fillPhase()
    render()
    timer = setInterval(render, 500)
  }

  function fillPhase() {
    const p = phaseInfo()
    const entry = caseBySlug(session.slug)
    root.querySelector("[data-phase-number]").textContent = String(session.index + 1)
    root.querySelector("[data-phase-title]").textContent = p.title
    root.querySelector("[data-phase-planned]").textContent = clock(session.phases[session.index].planned)
    root.querySelector("[data-output]").textContent = p.output
    root.querySelector("[data-questions]").replaceChildren(...p.questions
      .filter(q => !q.kinds || q.kinds.includes(entry.kind)).map(q => el("li", { text: q.text })))
    root.querySelector("[data-notes-label]").textContent = `Your notes for “${p.title}” (kept in this browser)`
    root.querySelector("#sg-mock-notes").value = session.notes[p.key] || ""
    root.querySelector('[data-action="next"]').textContent =
      session.index === session.phases.length - 1 ? "Finish the interview" : "Next phase"
  }

  function render() {
    if (!session || session.status === "done") return
    const now = Date.now()
    const current = session.phases[session.index]
    const inPhase = phaseElapsed(session, now)
    const left = current.planned - inPhase
    const totalLeft = session.total * MINUTE - totalElapsed(session, now)
    root.querySelector("[data-phase-left]").textContent = clock(left)
    root.querySelector("[data-total-left]").textContent = clock(totalLeft)
    root.querySelector("[data-paused]").hidden = session.status !== "paused"
    root.querySelector('[data-action="pause"]').textContent = session.status === "paused" ? "Resume" : "Pause"
    root.querySelector("[data-bar]").style.width = `${Math.min(100, inPhase / current.planned * 100)}%`
    const overrun = root.querySelector("[data-overrun]")
    const over = left < 0
    overrun.hidden = !over
    root.querySelector(".sg-mock__clock").classList.toggle("sg-mock__clock--over", over)
    if (over) {
      overrun.textContent = `Over time: “${current.title}” has run ${clock(-left)} past its plan. Wrap it up and move on.`
      if (!session.warned.includes(session.index)) {
        session.warned.push(session.index)
        save()
        root.querySelector("[data-announce]").textContent = `Over time on ${current.title}.`
      }
    }
    if (totalLeft < 0) overrun.textContent += ` The interview is ${clock(-totalLeft)} over its ${session.total} minutes.`
    root.querySelector("[data-phases]").replaceChildren(...session.phases.map((p, i) => {
      const used = i < session.index ? session.spent[i] : i === session.index ? inPhase : null
      const state = i < session.index ? "done" : i === session.index ? "current" : "to do"
      return el("li", { class: `sg-mock__phase-item sg-mock__phase-item--${state.replace(" ", "-")}`,
        "aria-current": i === session.index ? "step" : false },
        `${p.title}: planned ${minutes(p.planned)}`, used === null ? "" : `, used ${clock(used)}`, ` (${state})`)
    }))
  }

  // --- the end: rubric, follow-ups, summary, history ---
  function recordAttempt() {
    const entry = caseBySlug(session.slug)
    const attempt = {
      id: session.id, slug: session.slug, title: entry.title, url: entry.url, total: session.total,
      startedAt: session.startedAt, finishedAt: session.finishedAt,
      phases: session.phases.map((p, i) => ({ key: p.key, title: p.title, planned: p.planned, spent: session.spent[i] || 0 })),
      covered: session.covered.slice(), of: entry.rubric.reduce((n, g) => n + g.items.length, 0),
      notes: { ...session.notes },
    }
    const all = store.history().filter(a => a.id !== attempt.id)
    all.push(attempt)
    store.saveHistory(all)
  }

  function focusHeading() {
    const heading = root.querySelector("h2")
    if (heading) { heading.tabIndex = -1; heading.focus() }
  }

  function resultsView() {
    const entry = caseBySlug(session.slug)
    const used = session.spent.reduce((a, b) => a + b, 0)
    const summary = el("section", { class: "sg-summary", "aria-labelledby": "sg-summary-title" },
      el("h3", { id: "sg-summary-title", text: `Mock interview summary: ${entry.title}` }),
      el("p", { "data-summary-line": true }),
      el("table", {}, el("thead", {}, el("tr", {}, ...["Phase", "Planned", "Used", ""].map(h => el("th", { scope: "col", text: h })))),
        el("tbody", {}, ...session.phases.map((p, i) => el("tr", {},
          el("td", { text: p.title }), el("td", { text: clock(p.planned) }), el("td", { text: clock(session.spent[i] || 0) }),
          el("td", { text: (session.spent[i] || 0) > p.planned ? `over by ${clock(session.spent[i] - p.planned)}` : "" }))))),
      el("div", { class: "sg-summary__notes" }, ...session.phases.filter(p => session.notes[p.key]).map(p =>
        el("p", {}, el("strong", { text: `${p.title}: ` }), session.notes[p.key]))))
    const rubric = el("form", { class: "sg-mock__rubric", "aria-labelledby": "sg-rubric-title" },
      el("h3", { id: "sg-rubric-title", text: "Self-assessment: tick what you covered" }),
      ...entry.rubric.map((group, g) => el("fieldset", {}, el("legend", { text: `${g + 1}. ${group.title}` }),
        ...group.items.map(item => el("label", { class: "sg-mock__rubric-item" },
          el("input", { type: "checkbox", value: item.id, checked: session.covered.includes(item.id) }), ` ${item.text}`)))))
    const followList = el("ol", { class: "sg-mock__followups", "data-followups": true })
    const followButton = el("button", { type: "button", class: "md-button", "data-action": "followup" })
    const view = el("section", { class: "sg-mock__results", "aria-labelledby": "sg-results-title" },
      el("h2", { id: "sg-results-title", text: `Time! ${entry.title}` }),
      el("p", {}, `You used ${clock(used)} of ${session.total} minutes. `,
        el("a", { href: siteUrl(entry.url), text: `Read the worked answer: ${entry.title}` })),
      summary,
      el("p", { class: "sg-mock__controls" },
        el("button", { type: "button", class: "md-button md-button--primary", "data-action": "print", text: "Print the summary" }), " ",
        el("button", { type: "button", class: "md-button", "data-action": "new", text: "Start a new interview" })),
      rubric,
      el("h3", { id: "sg-followups-title", text: "The interviewer's follow-up questions" }),
      el("p", { text: "Answer each one aloud before you reveal the next." }),
      followList, followButton,
      el("div", { class: "sg-visually-hidden", "aria-live": "polite", "data-announce": true }))
    root.append(view)
    const summaryLine = () => {
      view.querySelector("[data-summary-line]").textContent =
        `${new Date(session.startedAt).toLocaleString()} · ${session.total}-minute interview · time used ${clock(used)} · ` +
        `checklist items covered: ${session.covered.length} of ${entry.rubric.reduce((n, g) => n + g.items.length, 0)}`
    }
    const showFollowUps = () => {
      followList.replaceChildren(...entry.follow_ups.slice(0, session.revealed).map(f => el("li", {}, f.question, " ",
        el("a", { href: siteUrl(f.url), text: "(answer)" }))))
      const rest = entry.follow_ups.length - session.revealed
      followButton.textContent = rest > 0 ? `Reveal the next follow-up question (${rest} left)` : "All follow-up questions shown"
      followButton.disabled = rest <= 0
    }
    rubric.addEventListener("change", () => {
      session.covered = [...rubric.querySelectorAll("input:checked")].map(box => box.value)
      save(); recordAttempt(); summaryLine()
    })
    view.addEventListener("click", event => {
      const button = event.target instanceof Element && event.target.closest("[data-action]")
      if (!button) return
      if (button.dataset.action === "followup") {
        session.revealed = Math.min(entry.follow_ups.length, session.revealed + 1)
        save(); showFollowUps()
        const last = followList.lastElementChild
        view.querySelector("[data-announce]").textContent = last ? `Follow-up ${session.revealed}: ${last.firstChild.textContent}` : ""
      }
      if (button.dataset.action === "print") printSummary(summary)
      if (button.dataset.action === "new") { session = null; store.saveMock(null); show(); focusHeading() }
    })
    summaryLine()
    showFollowUps()
  }

  function printSummary(summary) {
    const rootElement = document.documentElement
    rootElement.classList.add("sg-print-summary")
    summary.classList.add("sg-print-target")
    const cleanUp = () => {
      rootElement.classList.remove("sg-print-summary")
      summary.classList.remove("sg-print-target")
      window.removeEventListener("afterprint", cleanUp)
    }
    window.addEventListener("afterprint", cleanUp)
    window.print()
  }

  // A background tab gets few timer ticks; redraw from the timestamps as soon as it is visible.
  const onVisible = () => { if (!document.hidden) render() }
  document.addEventListener("visibilitychange", onVisible)
  show()
  return () => { clearInterval(timer); document.removeEventListener("visibilitychange", onVisible) }
}

window.StudyGuidePractice = window.StudyGuidePractice || {}
window.StudyGuidePractice.mock = mount
window.StudyGuideMockClock = { newSession, phaseElapsed, totalElapsed, pause, resume, nextPhase, finish, clock }
})()
