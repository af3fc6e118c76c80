/*
 * Study-guide search worker: Material's search protocol, our ranking (issue 12).
 *
 * Material's search UI (results grouped by page, best section, highlighting, keyboard navigation,
 * suggestions, shareable URL) talks to a web worker with four messages:
 *   {type: 0 SETUP, data: {config, docs, options}}  ->  {type: 1 READY}
 *   {type: 2 QUERY, data: "query text"}             ->  {type: 3 RESULT, data: {items, suggest}}
 * where items is one array per page: the page itself and its matching sections, each
 * {location, title, text, score, terms}, title and text as HTML with <mark>ed matches.
 * This file answers those messages; Material's own worker (lunr) is not loaded.
 *
 * `docs` is the index built by studyguide/search/index.py: pages (title, description, aliases,
 * tags, glossary names), sections (title, plain text) and synonym groups from the glossary and
 * abbreviation list. Ranking is BM25F over page fields, plus:
 *   - query expansion by the synonym groups (PYMK <-> people you may know) at a lower weight;
 *   - a "meaning" bonus when the query (or its expansion) is in the page's title, aliases,
 *     glossary names or description, so the page about a thing outranks pages that mention it;
 *   - a phrase bonus when a synonym phrase, or the whole query, is found contiguous (second pass
 *     over the best pages), and a coverage factor that favours pages matching every part of it;
 *   - typo tolerance (edit distance 1, or 2 for long words) for words the site does not contain,
 *     and prefix completion of the word being typed.
 *
 * Over http the index arrives on demand (see the protocol section at the end and loader.js).
 * The same file loads in Node (module.exports) for unit tests and the benches in bench/search/.
 */
"use strict";

(function (root) {
  /* Tuning (chosen on the dev half of bench/search/queries.yml only) */
  var FIELDS = ["title", "names", "description", "tags", "headings", "body"];
  var TUNING = {
    weight: { title: 6, names: 5, description: 2, tags: 1.5, headings: 1.5, body: 1 },  /* BM25F */
    b: { title: 0.3, names: 0.3, description: 0.5, tags: 0, headings: 0.5, body: 0.75 },
    k1: 1.2,
    meaning: { title: 1.2, names: 1.2, description: 0.5 },  /* x idf, form found in these fields */
    phrase: { title: 1.0, names: 1.0, description: 0.6, headings: 0.5, body: 0.3 },  /* x idf */
    whole: 0.5,        /* the phrase bonus also for the whole query as typed (0: synonyms only) */
    expansion: 0.8,    /* weight of a synonym from the site's vocabulary */
    typo: 0.85,        /* a word the site contains, one edit away (halved at two) */
    prefix: 0.1,       /* completions of the last word when it is already a word */
    prefixOnly: 0.9,   /* completions of the last word when it is not (still typing) */
    coverage: 1.5      /* power of the share of query concepts a page matches */
  };
  var MAX_PAGES = 50;
  var FULL_GROUPS = 10;         /* pages shown with their sections; Material renders 10 first */
  var MAX_SECTIONS = 6;
  var TEASER = 400;

  var STOPWORDS = new Set((
    "a able about across after all almost also am among an and any are as at be because been but " +
    "by can cannot could dear did do does either else ever every for from get got had has have he " +
    "her hers him his how however i if in into is it its just least let like likely may me might " +
    "most must my neither no nor not of off often on only or other our own rather said say says she " +
    "should since so some than that the their them then there these they this tis to too twas us " +
    "wants was we were what when where which while who whom why will with would yet you your vs versus"
  ).split(" "));
  var KEEP_S = new Set(["news", "bias", "gas", "lens", "series", "species", "ads"]);

  /* ------------------------------------------------------------------------ *
   * Text
   * ------------------------------------------------------------------------ */

  /** Lower case, accents off, "A/B" -> "ab" (so "A/B test" is not "b test"). */
  function normalise(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/\b([a-z])\/([a-z])\b/g, "$1$2");
  }

  /** A light English stemmer: plurals, -ing, -ed, final e. Same on both sides, so it only needs
   * to conflate the forms readers type ("embeddings", "embedding", "embed"). */
  function stem(word) {
    if (word.length <= 3 || /[0-9@]/.test(word) || KEEP_S.has(word)) return word;
    var w = word;
    if (/ies$/.test(w) && w.length > 4) w = w.slice(0, -3) + "y";
    else if (/sses$/.test(w)) w = w.slice(0, -2);
    else if (/[^su]s$/.test(w) && !/is$/.test(w)) w = w.slice(0, -1);
    if (/ing$/.test(w) && w.length > 5 && /[aeiouy]/.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
    else if (/[^e]ed$/.test(w) && w.length > 4 && /[aeiouy]/.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
    if (/e$/.test(w) && w.length > 4) w = w.slice(0, -1);
    return w;
  }
  function undouble(w) {
    if (/(ss|zz)$/.test(w) || /ll$/.test(w) && w.length < 6) return w;   /* "labell(ed)" -> "label" */
    return /([b-df-hj-np-tv-z])\1$/.test(w) ? w.slice(0, -1) : w;
  }

  /** Words of a text: [{word, stem, stop}] in order. */
  var STEMS = new Map();
  function words(text) {
    var out = [];
    var re = /[a-z0-9]+(?:@[a-z0-9]+)?/g;
    var m, t = normalise(text);
    while ((m = re.exec(t))) {
      var st = STEMS.get(m[0]);
      if (st === undefined) {
        if (STEMS.size > 200000) STEMS.clear();
        STEMS.set(m[0], st = stem(m[0]));
      }
      out.push({ word: m[0], stem: st, stop: STOPWORDS.has(m[0]) });
    }
    return out;
  }

  /** Content stems of a text (stopwords out), for indexing. */
  function terms(text) {
    var out = [];
    var list = words(text);
    for (var i = 0; i < list.length; i++) if (!list[i].stop) out.push(list[i].stem);
    return out;
  }

  function escapeHTML(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /** Is this word of a text (as written) one of the matched stems? */
  function marked(token, marks) {
    var lower = token.toLowerCase();
    if (/^[a-z0-9]+$/.test(lower)) {
      var st = STEMS.get(lower);
      if (st === undefined) STEMS.set(lower, st = stem(lower));
      return marks.has(st);
    }
    return words(token).some(function (w) { return marks.has(w.stem); });
  }

  /** Escape text and wrap every word whose stem is in `marks` in <mark>. */
  function highlight(text, marks) {
    var out = "", last = 0, m;
    var re = /[\p{L}\p{N}@]+/gu;
    while ((m = re.exec(text))) {
      if (!marked(m[0], marks)) continue;
      out += escapeHTML(text.slice(last, m.index)) + "<mark>" + escapeHTML(m[0]) + "</mark>";
      last = m.index + m[0].length;
    }
    return out + escapeHTML(text.slice(last));
  }

  /** The part of a long text around its first match, so the teaser shows why it matched. */
  function teaser(text, marks) {
    if (text.length <= TEASER) return highlight(text, marks);
    var first = -1, re = /[\p{L}\p{N}@]+/gu, m;
    while ((m = re.exec(text))) if (marked(m[0], marks)) { first = m.index; break; }
    var start = first > TEASER / 2 ? text.lastIndexOf(" ", first - 60) + 1 : 0;
    var end = text.indexOf(" ", start + TEASER);
    var cut = text.slice(start, end === -1 ? text.length : end);
    return (start > 0 ? "… " : "") + highlight(cut, marks) + (end === -1 ? "" : " …");
  }

  /** Damerau-Levenshtein distance, giving up beyond `max`. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], cur;
    for (var j = 0; j <= b.length; j++) prev.push(j);
    for (var i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          v = Math.min(v, prev2[j - 2] + 1);
        cur.push(v);
        if (v < best) best = v;
      }
      if (best > max) return max + 1;
      prev2 = prev; prev = cur;
    }
    return prev[b.length];
  }

  /* ------------------------------------------------------------------------ *
   * Index
   * ------------------------------------------------------------------------ */

  function count(list) {
    var m = new Map();
    for (var i = 0; i < list.length; i++) m.set(list[i], (m.get(list[i]) || 0) + 1);
    return m;
  }

  /** Build the in-memory index from the prebuilt documents (see studyguide/search/index.py). */
  function SearchIndex(docs) {
    var self = this;
    this.pages = docs.pages.map(function (page) {
      return {
        loc: page.loc, title: page.title, tags: page.tags || [], boost: page.boost || 1,
        sections: [],
        seq: {
          title: terms(page.title),
          names: [].concat.apply([], (page.aliases || []).concat(page.terms || []).map(function (n) {
            return terms(n).concat(["\u0000"]);   /* a separator, so phrases do not span names */
          })),
          description: terms(page.description || ""),
          tags: terms((page.tags || []).join(" ")),
          headings: [],
          body: []
        }
      };
    });
    docs.sections.forEach(function (row) {
      var page = self.pages[row[0]];
      var section = { location: page.loc + row[1], title: row[2], text: row[3],
                      head: terms(row[2]), body: terms(row[3]) };
      section.headSet = new Set(section.head);
      section.bodyTf = count(section.body);
      page.sections.push(section);
      if (row[1]) Array.prototype.push.apply(page.seq.headings, section.head.concat(["\u0000"]));
      Array.prototype.push.apply(page.seq.body, section.body);
    });

    /* Term frequencies, field lengths and document frequencies */
    this.df = new Map();
    this.avg = {};
    FIELDS.forEach(function (f) { self.avg[f] = 0; });
    this.pages.forEach(function (page) {
      page.tf = {};
      var seen = new Set();
      FIELDS.forEach(function (f) {
        page.tf[f] = count(page.seq[f]);
        self.avg[f] += page.seq[f].length;
        page.tf[f].forEach(function (_, t) { seen.add(t); });
      });
      seen.forEach(function (t) { self.df.set(t, (self.df.get(t) || 0) + 1); });
    });
    FIELDS.forEach(function (f) { self.avg[f] = self.avg[f] / Math.max(1, self.pages.length) || 1; });

    /* Postings: per stem, the pages that contain it, with its BM25F score there and a bit mask of
     * the "meaning" fields holding it (1 title, 2 names, 4 description). Queries then add up
     * postings term by term instead of visiting every page. Indexing reads TUNING.weight, .b, .k1. */
    var lists = new Map();
    this.pages.forEach(function (page, id) {
      var stems = new Set();
      FIELDS.forEach(function (f) { page.tf[f].forEach(function (_, t) { stems.add(t); }); });
      stems.forEach(function (t) {
        var list = lists.get(t);
        if (!list) lists.set(t, list = { ids: [], scores: [], masks: [] });
        list.ids.push(id);
        list.scores.push(self.bm25f(page, t));
        list.masks.push((page.tf.title.has(t) ? 1 : 0) | (page.tf.names.has(t) ? 2 : 0) | (page.tf.description.has(t) ? 4 : 0));
      });
    });
    this.postings = lists;
    this.vocabulary = Array.from(this.df.keys());

    /* Synonym groups as stem sequences */
    this.synonyms = (docs.synonyms || []).map(function (group) {
      return group.map(terms).filter(function (seq) { return seq.length; });
    });

    /* Surface words of titles and headings, most frequent first, for suggestions */
    var surface = new Map();
    this.pages.forEach(function (page) {
      [page.title].concat(page.sections.map(function (s) { return s.title; })).forEach(function (t) {
        words(t).forEach(function (w) { if (!w.stop) surface.set(w.word, (surface.get(w.word) || 0) + 1); });
      });
    });
    this.surface = Array.from(surface.keys()).sort(function (a, b) { return surface.get(b) - surface.get(a); });
  }

  SearchIndex.prototype.idf = function (t) {
    var n = this.pages.length, df = this.df.get(t) || 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  };

  /** Forms a query word can take: itself, near spellings, completions of the word being typed. */
  SearchIndex.prototype.variants = function (word, last) {
    var out = [{ stem: word.stem, weight: 1 }];
    var known = this.df.has(word.stem);
    if (!known && word.word.length >= 4 && !/[0-9]/.test(word.word)) {
      var max = word.word.length >= 8 ? 2 : 1, found = [];
      for (var i = 0; i < this.vocabulary.length; i++) {
        var v = this.vocabulary[i];
        if (Math.abs(v.length - word.stem.length) > max || v[0] !== word.stem[0] && max === 1) continue;
        var d = distance(word.stem, v, max);
        if (d <= max) found.push({ stem: v, d: d, df: this.df.get(v) });
      }
      found.sort(function (a, b) { return a.d - b.d || b.df - a.df; });
      found.slice(0, 3).forEach(function (f) { out.push({ stem: f.stem, weight: TUNING.typo / f.d }); });
    }
    if (last && word.word.length >= 2) {
      var completions = [];
      for (var j = 0; j < this.vocabulary.length; j++) {
        var c = this.vocabulary[j];
        if (c.length > word.word.length && c.lastIndexOf(word.word, 0) === 0 && c !== word.stem)
          completions.push(c);
      }
      var self = this;
      completions.sort(function (a, b) { return self.df.get(b) - self.df.get(a); });
      completions.slice(0, 10).forEach(function (c) {
        out.push({ stem: c, weight: known ? TUNING.prefix : TUNING.prefixOnly });
      });
    }
    return out;
  };

  /**
   * Parse a query into concepts. A concept is one thing the reader asked for, with the forms it
   * may take: each form is a list of slots, each slot a list of {stem, weight} alternatives.
   * A phrase of a synonym group found in the query becomes one concept whose forms are the
   * group's phrases; every other word is a concept of its own.
   */
  SearchIndex.prototype.parse = function (query) {
    var all = words(query);
    var content = all.filter(function (w) { return !w.stop; });
    if (!content.length) content = all;
    var typing = !/\s$/.test(query);
    var stems = content.map(function (w) { return w.stem; });
    var used = new Array(content.length).fill(false);
    var concepts = [];
    var self = this;

    /* Longest synonym phrases first */
    var matches = [];
    this.synonyms.forEach(function (group, g) {
      group.forEach(function (seq, k) {
        for (var i = 0; i + seq.length <= stems.length; i++) {
          var ok = true;
          for (var j = 0; j < seq.length; j++) if (stems[i + j] !== seq[j]) { ok = false; break; }
          if (ok) matches.push({ g: g, k: k, i: i, n: seq.length });
        }
      });
    });
    matches.sort(function (a, b) { return b.n - a.n; });
    matches.forEach(function (m) {
      for (var j = m.i; j < m.i + m.n; j++) if (used[j]) return;
      for (j = m.i; j < m.i + m.n; j++) used[j] = true;
      var original = content.slice(m.i, m.i + m.n);
      var isLast = m.i + m.n === content.length && typing;
      var forms = [{ weight: 1, slots: original.map(function (w, x) {
        return self.variants(w, isLast && x === original.length - 1);
      }) }];
      self.synonyms[m.g].forEach(function (seq, k) {
        if (k === m.k) return;
        forms.push({ weight: TUNING.expansion, slots: seq.map(function (s) { return [{ stem: s, weight: 1 }]; }) });
      });
      concepts.push({ at: m.i, words: original.map(function (w) { return w.word; }), forms: forms });
    });
    content.forEach(function (w, i) {
      if (used[i]) return;
      concepts.push({ at: i, words: [w.word], forms: [{ weight: 1, slots: [self.variants(w, typing && i === content.length - 1)] }] });
    });
    concepts.sort(function (a, b) { return a.at - b.at; });
    return concepts;
  };

  /** BM25F score of one stem in one page. */
  SearchIndex.prototype.bm25f = function (page, t) {
    var tf = 0;
    for (var i = 0; i < FIELDS.length; i++) {
      var f = FIELDS[i], n = page.tf[f].get(t);
      if (!n) continue;
      tf += TUNING.weight[f] * n / (1 - TUNING.b[f] + TUNING.b[f] * page.seq[f].length / this.avg[f]);
    }
    return tf ? this.idf(t) * tf / (TUNING.k1 + tf) : 0;
  };

  /** Does the field contain the slots contiguously (any alternative per slot)? */
  function contiguous(seq, slots) {
    if (slots.length < 2) return false;
    outer: for (var i = 0; i + slots.length <= seq.length; i++) {
      for (var j = 0; j < slots.length; j++) {
        var ok = false;
        for (var k = 0; k < slots[j].length; k++) if (seq[i + j] === slots[j][k].stem) { ok = true; break; }
        if (!ok) continue outer;
      }
      return true;
    }
    return false;
  }

  var MEANING_FIELDS = [[1, "title"], [2, "names"], [4, "description"]];

  /**
   * Score of one form (a phrase, or one word with its variants) in every page that has any of
   * its words, term at a time: {score: Float64Array, idfs: Float64Array, all: Uint8Array} where
   * `all` says whether every slot matched (a phrase bonus may then apply).
   *   score = weight * (sum of the slots' best BM25F * coverage^p + meaning * mean slot idf)
   */
  SearchIndex.prototype.formScores = function (form, touched) {
    var n = this.pages.length, k = form.slots.length, self = this;
    var total = new Float64Array(n), idfs = new Float64Array(n), hits = new Uint8Array(n);
    var masks = new Uint8Array(n).fill(7);
    if (!this.scratch || this.scratch.best.length !== n)   /* reused per slot, reset after use */
      this.scratch = { best: new Float64Array(n), bestIdf: new Float64Array(n), mask: new Uint8Array(n) };
    var best = this.scratch.best, bestIdf = this.scratch.bestIdf, mask = this.scratch.mask;
    form.slots.forEach(function (slot) {
      var seen = [];
      slot.forEach(function (alt) {
        var list = self.postings.get(alt.stem);
        if (!list || alt.weight <= 0) return;
        var idf = alt.weight * self.idf(alt.stem);
        for (var i = 0; i < list.ids.length; i++) {
          var id = list.ids[i], v = alt.weight * list.scores[i];
          if (!best[id]) seen.push(id);
          if (v > best[id]) { best[id] = v; bestIdf[id] = idf; }
          mask[id] |= list.masks[i];
        }
      });
      seen.forEach(function (id) {
        total[id] += best[id];
        idfs[id] += bestIdf[id];
        if (!hits[id]) touched.add(id);
        hits[id]++;
      });
      for (var id = 0; id < n; id++) masks[id] &= mask[id];
      seen.forEach(function (id) { best[id] = 0; bestIdf[id] = 0; mask[id] = 0; });
    });
    var score = new Float64Array(n), all = new Uint8Array(n);
    touched.forEach(function (id) {
      if (!hits[id]) return;
      var meaning = 0;
      MEANING_FIELDS.forEach(function (m) { if (masks[id] & m[0]) meaning = Math.max(meaning, TUNING.meaning[m[1]]); });
      var cover = hits[id] / k;
      score[id] = form.weight * (total[id] * Math.pow(cover, TUNING.coverage) + meaning * idfs[id] / k);
      all[id] = hits[id] === k ? 1 : 0;
    });
    return { form: form, score: score, idfs: idfs, all: all };
  };

  /** The phrase bonus of a form in one page: the best field holding its slots contiguously. */
  SearchIndex.prototype.phraseBonus = function (page, f) {
    var phrase = 0;
    Object.keys(TUNING.phrase).forEach(function (field) {
      if (TUNING.phrase[field] > phrase && contiguous(page.seq[field], f.form.slots)) phrase = TUNING.phrase[field];
    });
    return phrase;
  };

  /** Rank pages for a query: [{page, score}] best first. Phrase bonuses need a scan of the
   * page's text, so they are added in a second pass over the best PHRASE_POOL pages only. */
  var PHRASE_POOL = 200;
  SearchIndex.prototype.rank = function (concepts) {
    var self = this, touched = new Set();
    var scored = concepts.map(function (c) {
      return c.forms.map(function (form) { return self.formScores(form, touched); });
    });
    /* The whole query as typed is a phrase too: "feature cross", "train test split by time" */
    var slots = [].concat.apply([], concepts.map(function (c) { return c.forms[0].slots; }));
    var whole = concepts.length > 1 ? this.formScores({ weight: 1, slots: slots }, new Set()) : null;
    var total = function (id, phrases) {
      var sum = 0, covered = 0;
      if (phrases && whole && whole.all[id]) {
        sum += TUNING.whole * self.phraseBonus(self.pages[id], whole) * whole.idfs[id] / slots.length;
      }
      scored.forEach(function (forms) {
        var best = 0;
        forms.forEach(function (f) {
          var s = f.score[id];
          if (phrases && f.all[id] && f.form.slots.length > 1) {
            var bonus = self.phraseBonus(self.pages[id], f);
            if (bonus) s += f.form.weight * bonus * f.idfs[id] / f.form.slots.length;
          }
          if (s > best) best = s;
        });
        if (best > 0) covered++;
        sum += best;
      });
      return sum * Math.pow(covered / concepts.length, TUNING.coverage) * self.pages[id].boost;
    };
    var ranked = [];
    touched.forEach(function (id) {
      var score = total(id, false);
      if (score > 0) ranked.push({ id: id, page: self.pages[id], score: score });
    });
    ranked.sort(function (a, b) { return b.score - a.score; });
    var multi = whole || concepts.some(function (c) { return c.forms.some(function (f) { return f.slots.length > 1; }); });
    if (multi) {
      ranked.slice(0, PHRASE_POOL).forEach(function (r) { r.score = total(r.id, true); });
      ranked.sort(function (a, b) { return b.score - a.score; });
    }
    return ranked;
  };

  /** The stems to highlight in a page: every alternative of the query found in it. */
  SearchIndex.prototype.marks = function (page, concepts) {
    var marks = new Set();
    concepts.forEach(function (c) {
      c.forms.forEach(function (form) {
        form.slots.forEach(function (slot) {
          slot.forEach(function (alt) {
            if (alt.weight > 0 && FIELDS.some(function (f) { return page.tf[f].has(alt.stem); })) marks.add(alt.stem);
          });
        });
      });
    });
    return marks;
  };

  /** Material's search result for a query string. */
  SearchIndex.prototype.search = function (query) {
    var concepts = this.parse(query);
    if (!concepts.length) return { items: [] };
    var ranked = this.rank(concepts).slice(0, MAX_PAGES);
    var self = this;
    var items = ranked.map(function (r, i) { return self.group(r, concepts, i < FULL_GROUPS); });
    return { items: items, suggest: this.suggest(query) };
  };

  /** One page's result group: the page, then its best sections (Material shows those scoring at
   * least the first item's score and folds the rest under "more"). */
  SearchIndex.prototype.group = function (r, concepts, full) {
    var marks = this.marks(r.page, concepts);
    var page = r.page, self = this;
    /* Pages below the first screen get their page entry only (cheap); Material renders them
     * when the reader scrolls that far. */
    var sections = (full ? page.sections : page.sections.slice(0, 1)).map(function (s) {
      var score = 0;
      marks.forEach(function (t) {
        var h = s.headSet.has(t) ? 3 : 0;
        var b = s.bodyTf.get(t) || 0;
        if (h || b) score += self.idf(t) * (h + b / (b + 1.2));
      });
      return { section: s, score: score };
    });
    var article = sections.filter(function (x) { return x.section.location === page.loc; })[0] ||
      { section: { location: page.loc, title: page.title, text: "" }, score: 0 };
    var rest = sections.filter(function (x) { return x !== article && x.score > 0; })
      .sort(function (a, b) { return b.score - a.score; }).slice(0, MAX_SECTIONS);
    var top = Math.max(article.score, rest.length ? rest[0].score : 0);
    var terms = {};
    concepts.forEach(function (c) {
      c.words.forEach(function (w) { terms[w] = false; });
    });
    Object.keys(terms).forEach(function (w) {
      var st = stem(w);
      terms[w] = marks.has(st) || Array.from(marks).some(function (m) { return m.lastIndexOf(st, 0) === 0; });
    });
    var item = function (x, score) {
      return {
        location: x.section.location,
        title: highlight(x.section.title, marks),
        text: teaser(x.section.text, marks),
        tags: x.section.location === page.loc && page.tags.length ? page.tags.slice() : undefined,
        score: score,
        terms: terms
      };
    };
    /* The page scores as its best section, so that section is shown; the page's own intro only
     * when it is the best match. Scores are relative to the page's rank score. */
    var scale = r.score / (top || 1);
    return [item(article, r.score)].concat(rest.map(function (x) { return item(x, x.score * scale); }));
  };

  /** Completion of the word being typed, from the words of titles and headings. */
  SearchIndex.prototype.suggest = function (query) {
    var list = query.split(/[\s-]+/);
    var last = normalise(list[list.length - 1] || "");
    if (last.length < 2) return [];
    for (var i = 0; i < this.surface.length; i++)
      if (this.surface[i].length > last.length && this.surface[i].lastIndexOf(last, 0) === 0)
        return [this.surface[i]];
    return [];
  };

  var api = { SearchIndex: SearchIndex, TUNING: TUNING, words: words, terms: terms, stem: stem, highlight: highlight, distance: distance };

  /* ------------------------------------------------------------------------ *
   * Worker protocol
   * ------------------------------------------------------------------------ */

  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    /*
     * Over http Material hands us a stub ({docs: {lazy: "search/studyguide_index.json"}}) at page
     * load; the full index is fetched when loader.js reports an intent to search, or at the first
     * non-empty query. Queries that arrive meanwhile are answered, latest only, once it is built.
     * From file:// Material hands us the full index directly (search_index.js).
     */
    var index = null, loading = null, pending = null, lazy = "search/studyguide_index.json";
    var base = new URL("../../../", root.location.href);

    var answer = function (query) {
      var data;
      try {
        data = index.search(query);
      } catch (err) {
        console.warn("search failed for", query, err);
        data = { items: [] };
      }
      root.postMessage({ type: 3, data: data });
    };
    var load = function () {
      if (index || loading) return;
      loading = fetch(new URL(lazy, base).href)
        .then(function (r) {
          if (!r.ok) throw new Error("search index: HTTP " + r.status);
          return r.json();
        })
        .then(function (full) {
          index = new SearchIndex(full.docs);
          if (pending !== null) answer(pending);
          pending = null;
        })
        .catch(function (err) { loading = null; console.warn(err); });
    };

    if (typeof BroadcastChannel !== "undefined" && root.location.protocol !== "file:" &&
        root.location.protocol !== "about:")
      new BroadcastChannel("studyguide-search").onmessage = load;

    root.addEventListener("message", function (ev) {
      var message = ev.data;
      if (message.type === 0) {
        var docs = message.data.docs;
        if (docs.lazy) lazy = docs.lazy;
        else index = new SearchIndex(docs);
        root.postMessage({ type: 1 });
      } else if (message.type === 2) {
        if (!index && !message.data.trim()) return root.postMessage({ type: 3, data: { items: [] } });
        /* Answer only the latest of the queries that queued up while one was being ranked */
        var waiting = pending !== null;
        pending = message.data;
        if (!index) return load();
        if (!waiting) setTimeout(function () { var q = pending; pending = null; answer(q); }, 0);
      }
    });
  }
})(typeof self !== "undefined" ? self : this);
