// Everything practice mode keeps in the browser (localStorage, nothing leaves it), and the one
// versioned JSON file that exports and imports it. Keys:
//   studyguide:checklist:<checklist id>:<item id> = "1"   (ticks; written by checklists.js)
//   studyguide:read           {"topics/metrics": "2026-11-28", ...}  page -> day marked read
//   studyguide:srs            {cards: {id: FSRS card}, log: [{id, rating, at}], newDays: {day: n}, newLimit}
//   studyguide:mock           the mock interview in progress (survives a reload)
//   studyguide:mock-history   [attempt summaries], newest last
// Pages are named by their path without ".html" or the trailing "/" so the online site and the
// offline copy (file://, "page.html" URLs) share progress.
// Exposes window.StudyGuideStore. A classic script: the offline copy can't run ES modules.
;(() => {
const PREFIX = "studyguide:"
const CHECKLIST = PREFIX + "checklist:"
const KEYS = { read: PREFIX + "read", srs: PREFIX + "srs", mock: PREFIX + "mock", history: PREFIX + "mock-history" }
const FORMAT = "ml-system-design-guide/progress"
const VERSION = 2

const raw = {
  get(key) { try { return window.localStorage.getItem(key) } catch { return null } },
  set(key, value) { try { window.localStorage.setItem(key, value) } catch { /* private mode, quota */ } },
  remove(key) { try { window.localStorage.removeItem(key) } catch { /* private mode */ } },
  keys() { try { return Object.keys(window.localStorage) } catch { return [] } },
}

function getJSON(key, fallback) {
  const text = raw.get(key)
  if (text === null) return fallback
  try { return JSON.parse(text) } catch { return fallback }
}
function setJSON(key, value) { raw.set(key, JSON.stringify(value)) }

function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value) }

/** Local day as YYYY-MM-DD (streaks and the new-card limit count local days). */
function day(time = Date.now()) {
  const d = new Date(time)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`
}

/** "topics/metrics/", "topics/metrics.html", "./topics/metrics/index.html" -> "topics/metrics". */
function pageKey(url) {
  let path = String(url).split("#")[0].split("?")[0].replace(/^\.?\//, "")
  path = path.replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, "").replace(/\/$/, "")
  return path
}

/** The current page's key, from Material's base URL (the site root relative to this page). */
function currentPageKey() {
  const config = document.getElementById("__config")
  const base = config ? JSON.parse(config.textContent).base : "."
  const root = new URL(base.endsWith("/") ? base : base + "/", location.href).href
  return pageKey(decodeURI(location.href.split("#")[0].slice(root.length)))
}

// --- reading ------------------------------------------------------------------------------------
function readPages() { const r = getJSON(KEYS.read, {}); return isObject(r) ? r : {} }
function setRead(page, read) {
  const all = readPages()
  if (read) all[page] = all[page] || day()
  else delete all[page]
  setJSON(KEYS.read, all)
}

// --- checklists ----------------------------------------------------------------------------------
/** {checklist id: [ticked item ids]} from checklists.js' keys. */
function checklists() {
  const out = {}
  for (const key of raw.keys()) {
    if (!key.startsWith(CHECKLIST) || raw.get(key) !== "1") continue
    const rest = key.slice(CHECKLIST.length)
    const cut = rest.lastIndexOf(":")
    if (cut < 0) continue
    ;(out[rest.slice(0, cut)] ||= []).push(rest.slice(cut + 1))
  }
  return out
}

// --- cards and mock interviews ---------------------------------------------------------------------
function emptySrs() { return { cards: {}, log: [], newDays: {}, newLimit: 20 } }
function srs() {
  const s = getJSON(KEYS.srs, null)
  return isObject(s) && isObject(s.cards) ? { ...emptySrs(), ...s } : emptySrs()
}
function saveSrs(value) { setJSON(KEYS.srs, value) }
function mock() { return getJSON(KEYS.mock, null) }
function saveMock(value) { if (value) setJSON(KEYS.mock, value); else raw.remove(KEYS.mock) }
function history() { const h = getJSON(KEYS.history, []); return Array.isArray(h) ? h : [] }
function saveHistory(value) { setJSON(KEYS.history, value) }

// --- streaks -----------------------------------------------------------------------------------------
/** Days with any activity: a page marked read, a card reviewed, a mock interview. */
function activeDays() {
  const days = new Set(Object.values(readPages()))
  for (const entry of srs().log) days.add(day(entry.at))
  for (const attempt of history()) days.add(day(attempt.finishedAt || attempt.startedAt))
  return days
}
function streaks(now = Date.now()) {
  const days = activeDays()
  const step = date => { const d = new Date(date); d.setDate(d.getDate() - 1); return d }
  // current: ending today, or yesterday if nothing yet today
  let cursor = new Date(now)
  if (!days.has(day(cursor))) cursor = step(cursor)
  let current = 0
  while (days.has(day(cursor))) { current++; cursor = step(cursor) }
  let longest = 0
  for (const d of days) {
    const start = new Date(d + "T12:00:00")
    if (days.has(day(step(start)))) continue // not the first day of a run
    let run = 0
    for (let c = start; days.has(day(c)); c = new Date(c.getTime() + 86400000)) run++
    longest = Math.max(longest, run)
  }
  return { current, longest, days: days.size }
}

// --- export / import ---------------------------------------------------------------------------------
function exportAll(now = Date.now()) {
  return {
    format: FORMAT,
    version: VERSION,
    exportedAt: new Date(now).toISOString(),
    checklists: checklists(),
    read: readPages(),
    srs: srs(),
    mock: { current: mock(), history: history() },
  }
}

// Migrations from each older version to the next; importing runs them in order. Version 1 was
// the flat dump of the "studyguide:" keys ({format, version: 1, items: {key: value}}).
const MIGRATIONS = {
  1(data) {
    if (!isObject(data.items)) throw new ImportError("version 1 file without its \"items\"")
    const items = data.items
    const parse = key => { try { return key in items ? JSON.parse(items[key]) : undefined } catch { return undefined } }
    const lists = {}
    for (const [key, value] of Object.entries(items)) {
      if (!key.startsWith(CHECKLIST) || value !== "1") continue
      const rest = key.slice(CHECKLIST.length)
      const cut = rest.lastIndexOf(":")
      if (cut > 0) (lists[rest.slice(0, cut)] ||= []).push(rest.slice(cut + 1))
    }
    return {
      format: FORMAT, version: 2, exportedAt: data.exportedAt || null, checklists: lists,
      read: parse(KEYS.read) || {}, srs: parse(KEYS.srs) || emptySrs(),
      mock: { current: parse(KEYS.mock) || null, history: parse(KEYS.history) || [] },
    }
  },
}

class ImportError extends Error {}

function check(condition, message) { if (!condition) throw new ImportError(message) }

/** Parse, migrate and check an exported file; returns current-version data or throws ImportError. */
function parseExport(text) {
  let data
  try { data = JSON.parse(text) } catch { throw new ImportError("The file is not valid JSON (is it the file you exported?).") }
  check(isObject(data) && data.format === FORMAT,
    `This is not a progress file of this guide (expected "format": "${FORMAT}").`)
  check(Number.isInteger(data.version) && data.version >= 1,
    "The progress file has no valid \"version\".")
  check(data.version <= VERSION,
    `The progress file is version ${data.version}, newer than this site understands (${VERSION}). Update the site or the offline copy.`)
  for (let v = data.version; v < VERSION; v++) data = MIGRATIONS[v](data)
  check(isObject(data.checklists) && Object.values(data.checklists).every(
    list => Array.isArray(list) && list.every(id => typeof id === "string")), "\"checklists\" is damaged.")
  check(isObject(data.read) && Object.values(data.read).every(d => typeof d === "string"), "\"read\" is damaged.")
  check(isObject(data.srs) && isObject(data.srs.cards) && Array.isArray(data.srs.log || []), "\"srs\" is damaged.")
  check(isObject(data.mock) && Array.isArray(data.mock.history) && (data.mock.current === null || isObject(data.mock.current)),
    "\"mock\" is damaged.")
  return data
}

function clearAll() {
  for (const key of raw.keys()) if (key.startsWith(PREFIX)) raw.remove(key)
}

/** Replace all progress with an export. Checks everything first: a bad file changes nothing. */
function importAll(text) {
  const data = parseExport(text)
  clearAll()
  for (const [list, items] of Object.entries(data.checklists)) {
    for (const item of items) raw.set(`${CHECKLIST}${list}:${item}`, "1")
  }
  setJSON(KEYS.read, data.read)
  saveSrs({ ...emptySrs(), ...data.srs })
  saveMock(data.mock.current)
  saveHistory(data.mock.history)
  return data
}

window.StudyGuideStore = {
  FORMAT, VERSION, KEYS, ImportError,
  day, pageKey, currentPageKey, readPages, setRead, checklists,
  srs, saveSrs, mock, saveMock, history, saveHistory, streaks,
  exportAll, parseExport, importAll, clearAll,
}
})()
