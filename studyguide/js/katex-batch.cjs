// Renders a batch of formulas with KaTeX, once per build: reads a JSON request on stdin,
//   {"katex": "/path/to/node_modules/katex", "options": {...}, "formulas": [{"tex": "...", "display": false}, ...]}
// and writes one JSON array on stdout, one entry per formula, in order:
//   {"html": "<span class=\"katex\">..."}  or  {"error": "KaTeX parse error: ..."}
// plus "warnings": [...] (KaTeX strict-mode complaints) when there are any.
// Driven by studyguide/math.py; KaTeX itself comes from the npm registry (package-lock.json).
"use strict"

const chunks = []
process.stdin.on("data", chunk => chunks.push(chunk))
process.stdin.on("end", () => {
  const request = JSON.parse(Buffer.concat(chunks).toString("utf8"))
  const katex = require(request.katex)
  const results = request.formulas.map(({ tex, display }) => {
    const warnings = []
    try {
      const html = katex.renderToString(tex, {
        ...request.options,
        displayMode: display,
        throwOnError: true,
        strict: (code, message) => { warnings.push(`${code}: ${message}`); return "ignore" },
      })
      return warnings.length ? { html, warnings } : { html }
    } catch (error) {
      return { error: String(error.message || error) }
    }
  })
  process.stdout.write(JSON.stringify({ version: katex.version, results }))
})
