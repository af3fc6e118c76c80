// Fast tuning loop without a browser: rank queries with the worker's engine in Node.
//   node bench/search/rank.js SITE_DIR QUERIES_JSON [split] [--misses]
// QUERIES_JSON: [{q, pages, split}] (bench/search/quick.py writes it). The reported figures come
// from bench/search/run.py in Chromium; this only shortens the edit-measure loop on the dev half.
const fs = require("fs");
const path = require("path");
const { SearchIndex } = require(path.resolve(__dirname, "../../overrides/assets/javascripts/search/worker.js"));
const [site, queriesFile, split = "dev", flag] = process.argv.slice(2);
const index = JSON.parse(fs.readFileSync(path.join(site, "search/studyguide_index.json"), "utf8"));
const engine = new SearchIndex(index.docs);
const key = loc => loc.replace(/#.*$/, "").replace(/(index)?\.html$/, "").replace(/\/$/, "");
let n = 0, h1 = 0, h3 = 0, rr = 0;
for (const row of JSON.parse(fs.readFileSync(queriesFile, "utf8")).filter(r => r.split === split)) {
  const ranked = engine.search(row.q).items.map(group => key(group[0].location));
  const rank = ranked.findIndex(p => row.pages.includes(p)) + 1;
  n++; h1 += rank === 1; h3 += rank >= 1 && rank <= 3; rr += rank ? 1 / rank : 0;
  if (flag === "--misses" && rank !== 1) console.log(`  miss@1 ${JSON.stringify(row.q)} rank ${rank}: want ${row.pages[0]}, got ${ranked.slice(0, 4).join(" | ")}`);
}
console.log(`${split}: n=${n} hit@1=${(h1 / n * 100).toFixed(0)}% hit@3=${(h3 / n * 100).toFixed(0)}% MRR=${(rr / n).toFixed(3)}`);
