// Engine comparison on one split, in Node, over the same built index (site/search/studyguide_index.json):
//   node bench/search/compare.js SITE_DIR QUERIES_JSON [split]
// Engines: our BM25F worker (as shipped, and with one feature off at a time) and MiniSearch
// (npm) over the same page fields, with and without our vocabulary expansion. Material's lunr
// cannot run here (its worker is a browser bundle); it is measured in Chromium by run.py.
// Prints a Markdown table; QUERIES_JSON comes from bench/search/quick.py.
const fs = require("fs");
const path = require("path");
const engine = require(path.resolve(__dirname, "../../overrides/assets/javascripts/search/worker.js"));
const MiniSearch = require("minisearch");

const [site, queriesFile, split = "dev"] = process.argv.slice(2);
const index = JSON.parse(fs.readFileSync(path.join(site, "search/studyguide_index.json"), "utf8"));
const queries = JSON.parse(fs.readFileSync(queriesFile, "utf8")).filter(r => r.split === split);
const key = loc => loc.replace(/#.*$/, "").replace(/(index)?\.html$/, "").replace(/\/$/, "");

function evaluate(search) {
  let h1 = 0, h3 = 0, rr = 0, ms = [];
  for (const row of queries) {
    const t = process.hrtime.bigint();
    const ranked = search(row.q);
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    const rank = ranked.findIndex(p => row.pages.includes(p)) + 1;
    h1 += rank === 1; h3 += rank >= 1 && rank <= 3; rr += rank ? 1 / rank : 0;
  }
  ms.sort((a, b) => a - b);
  const n = queries.length;
  return { h1: h1 / n, h3: h3 / n, mrr: rr / n, median: ms[Math.floor(n / 2)] };
}

function ours(docs, tuning = {}) {
  const saved = JSON.parse(JSON.stringify(engine.TUNING));
  const idx = new engine.SearchIndex(docs);  /* indexing does not read TUNING */
  return q => {
    Object.assign(engine.TUNING, saved, tuning);
    const out = idx.search(q).items.map(g => key(g[0].location));
    Object.assign(engine.TUNING, saved);
    return out;
  };
}

const noVocabulary = { ...index.docs, synonyms: [], pages: index.docs.pages.map(p => ({ ...p, terms: [], aliases: [] })) };

function minisearch(docs, expand) {
  const pages = docs.pages.map((p, id) => ({
    id, loc: p.loc, title: p.title, names: (p.aliases || []).concat(p.terms || []).join(" ; "),
    description: p.description || "", tags: (p.tags || []).join(" "), headings: "", body: ""
  }));
  docs.sections.forEach(([pid, anchor, title, text]) => {
    if (anchor) pages[pid].headings += " " + title;
    pages[pid].body += " " + text;
  });
  const processTerm = t => (engine.words(t)[0] && !engine.words(t)[0].stop ? engine.words(t)[0].stem : null);
  const ms = new MiniSearch({
    fields: ["title", "names", "description", "tags", "headings", "body"],
    storeFields: ["loc"],
    processTerm,
    searchOptions: {
      boost: { title: 6, names: 5, description: 2, tags: 1.5, headings: 1.5, body: 1 },
      fuzzy: 0.2, prefix: true, combineWith: "OR", boostDocument: id => docs.pages[id].boost || 1,
    },
  });
  ms.addAll(pages);
  const groups = docs.synonyms.map(g => g.map(ph => engine.terms(ph).join(" ")));
  return q => {
    let query = q;
    if (expand) {
      const stems = " " + engine.terms(q).join(" ") + " ";
      for (const g of groups) if (g.some(ph => ph && stems.includes(" " + ph + " "))) query += " " + g.join(" ");
    }
    return ms.search(query).map(r => key(r.loc));
  };
}

const rows = [
  ["ours: BM25F + vocabulary + meaning + phrase + typo (shipped)", ours(index.docs)],
  ["ours without the vocabulary (no glossary/abbreviation names or synonyms)", ours(noVocabulary)],
  ["ours without the meaning bonus", ours(index.docs, { meaning: { title: 0, names: 0, description: 0 } })],
  ["ours without the phrase bonus", ours(index.docs, { phrase: { title: 0, names: 0, description: 0, headings: 0, body: 0 } })],
  ["ours without typo tolerance", ours(index.docs, { typo: 0 })],
  ["ours, coverage power 2 instead of 1.5", ours(index.docs, { coverage: 2 })],
  ["MiniSearch 7 (npm), same fields and boosts, fuzzy 0.2, prefix", minisearch(index.docs, false)],
  ["MiniSearch 7 + our vocabulary expansion of the query", minisearch(index.docs, true)],
];
console.log(`| engine (${split} half, n=${queries.length}, Node) | hit@1 | hit@3 | MRR | median ms/query |`);
console.log("|---|---|---|---|---|");
for (const [name, search] of rows) {
  const r = evaluate(search);
  console.log(`| ${name} | ${(r.h1 * 100).toFixed(0)}% | ${(r.h3 * 100).toFixed(0)}% | ${r.mrr.toFixed(3)} | ${r.median.toFixed(1)} |`);
}
