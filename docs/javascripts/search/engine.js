/*
 * Parley search, part 2 of 5: a query and filters in, ranked documents, facet counts and a
 * trend out. Ranking (documented in the README's Search section): each paragraph scores the sum
 * over query words of idf x its BM25 term-frequency weight (quantised in the index); paragraph 0,
 * the document's title, speakers, counterparts and countries weighted as in BM25F, counts
 * META_WEIGHT times; a document scores its best paragraph plus a share of its other matching
 * paragraphs. Documents with more of the query's words come first, then the higher score, then
 * the newer (documents are numbered newest first).
 */
(() => {
  "use strict";

  const P = window.parleySearch;
  const QUOTES = /["“”„«»]/; // phrase quotes: "Astana format", “Astana format”
  const WORD_AT_END = /[\p{L}\p{N}\p{M}]$/u; // the query ends inside a word: "Zar"
  const RAW_WORD = /[\p{L}\p{N}\p{M}]+/gu;
  const MAX_SLOTS = 16; // query words used
  const LONGEST_NAME = 6; // words in the longest name looked up as a synonym
  const COMPLETE_FROM = 3; // a last word this long that is not a term is completed ...
  const COMPLETIONS = 8; // ... with up to this many terms
  const META_WEIGHT = 1.5; // paragraph 0 (title, counterparts, countries, topics) counts more
  const SPREAD = 0.2; // other matching paragraphs add this share, at most the best paragraph
  const PARA_KEY = 65536; // a paragraph's key: document * PARA_KEY + paragraph
  //: The filters, in the address and on the page; "said" is the speaker of the paragraph.
  const FILTERS = ["years", "source", "kind", "speaker", "country", "topic", "said"];

  /** Slots (one per distinct word or name), phrases (slot sequences), whether quoted. */
  function parse(query) {
    const syn = P.index.synonyms;
    const pieces = query.split(QUOTES);
    const slots = [];
    const byKey = new Map();
    const phrases = [];
    const raw = [];
    let strict = false;
    let everything = [];
    const partialAt = WORD_AT_END.test(query) ? pieces.length - 1 : -1;
    pieces.forEach((piece, i) => {
      const quoted = i % 2 === 1;
      const words = [];
      for (const m of piece.matchAll(RAW_WORD)) {
        raw.push(m[0]);
        for (const w of P.fold(m[0]).matchAll(P.WORD)) {
          const t = P.term(w[0]);
          if (t) words.push({ raw: m[0], word: w[0], term: t });
        }
      }
      const sequence = [];
      for (let j = 0; j < words.length; ) {
        let entity = -1;
        let length = 1;
        for (let n = quoted ? 0 : Math.min(LONGEST_NAME, words.length - j); n >= 1; n--) {
          const key = words.slice(j, j + n).map((w) => w.term).join(" ");
          let found = Object.hasOwn(syn.names, key) ? syn.names[key] : undefined;
          if (found === undefined && n === 1 && /^[A-Z]{2}$/.test(words[j].raw)) {
            found = Object.hasOwn(syn.codes, words[j].raw) ? syn.codes[words[j].raw] : undefined;
          }
          if (found !== undefined) {
            entity = found;
            length = n;
            break;
          }
        }
        const group = words.slice(j, j + length);
        const key = entity >= 0 ? `entity ${entity}` : group[0].term;
        let slot = byKey.get(key);
        if (slot === undefined && slots.length < MAX_SLOTS) {
          slot = slots.length;
          byKey.set(key, slot);
          slots.push({
            terms: length === 1 ? [group[0].term] : [],
            typed: group.map((w) => w.term), // the words as typed, marked in results
            entity,
            word: group.map((w) => w.word).join(" "),
            raw: group.map((w) => w.raw).join(" "),
            partial: false,
          });
        }
        if (slot !== undefined) {
          const last = j + length === words.length;
          if (i === partialAt && last && length === 1) slots[slot].partial = true;
          sequence.push(slot);
        }
        j += length;
      }
      if (quoted && sequence.length > 1) {
        phrases.push(sequence);
        strict = true;
      }
      everything = everything.concat(sequence);
    });
    if (!strict && everything.length > 1) phrases.push(everything);
    return { slots, phrases, strict, raw };
  }

  /** The shard that would hold a term: the last whose first term is not after it, or -1. */
  function shardOf(t) {
    const firsts = P.index.shards;
    let lo = 0;
    let hi = firsts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (firsts[mid] <= t) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  async function lookup(t) {
    const n = shardOf(t);
    if (n < 0) return null;
    const shard = await P.loadShard(n);
    if (!Object.hasOwn(shard, t)) return null;
    return { term: t, idf: shard[t][0], postings: shard[t][1] };
  }

  /** The index terms standing for a slot: its word, its entity, or completions of a word. */
  async function alternatives(slot) {
    const wanted = [...slot.terms];
    if (slot.entity >= 0) wanted.push(P.index.synonyms.entities[slot.entity][0]);
    const found = (await Promise.all(wanted.map(lookup))).filter(Boolean);
    if (found.length || !slot.partial || P.codePoints(slot.word) < COMPLETE_FROM) return found;
    const completions = [];
    const firsts = P.index.shards;
    const start = Math.max(0, shardOf(slot.word));
    for (let n = start; n < firsts.length && n < start + 3; n++) {
      if (n > start && !firsts[n].startsWith(slot.word)) break;
      const shard = await P.loadShard(n);
      for (const t of Object.keys(shard)) {
        if (t.startsWith(slot.word)) {
          completions.push({ term: t, idf: shard[t][0], postings: shard[t][1] });
        }
      }
    }
    completions.sort((a, b) => b.postings.length - a.postings.length || (a.term < b.term ? -1 : 1));
    return completions.slice(0, COMPLETIONS);
  }

  // ---- documents' filter values, from the manifest and facets.js -----------------------------
  let table = null;

  /** Per document: its month's place in manifest.months, and its values of every facet. */
  async function documentTable() {
    if (table) return table;
    const data = await P.loadFacets();
    const index = P.index;
    const count = index.count;
    const month = new Int32Array(count);
    index.months.forEach(([, first], k) => month.fill(k, first));
    const values = {};
    const labels = {};
    for (const facet of Object.keys(data)) {
      const perDoc = Array.from({ length: count }, () => []);
      labels[facet] = new Map();
      for (const [value, label, docs] of data[facet]) {
        labels[facet].set(value, label);
        for (const n of P.decodeGaps(docs)) perDoc[n].push(value);
      }
      values[facet] = perDoc;
    }
    labels.country = new Map([...labels.counterpart, ...labels.mentioned]);
    table = { count, month, values, labels };
    return table;
  }

  const yearOf = (t, doc) => P.index.months[t.month[doc]][0].slice(0, 4);

  /** The values of a filter for a document ("country" depends on how the country counts). */
  function valuesOf(t, facet, doc, filters) {
    if (facet === "years") return [yearOf(t, doc)];
    if (facet !== "country") return t.values[facet][doc];
    if (filters.countryAs === "counterpart") return t.values.counterpart[doc];
    if (filters.countryAs === "mentioned") return t.values.mentioned[doc];
    return [...new Set([...t.values.counterpart[doc], ...t.values.mentioned[doc]])];
  }

  /** A bit for each document filter the document fails (the bit of FILTERS' place). */
  function failures(t, doc, filters) {
    let mask = 0;
    if (filters.from || filters.to) {
      const year = yearOf(t, doc);
      if (!year || (filters.from && year < filters.from) || (filters.to && year > filters.to)) {
        mask |= 1;
      }
    }
    for (let f = 1; f < FILTERS.length - 1; f++) {
      const wanted = filters[FILTERS[f]];
      if (wanted && !valuesOf(t, FILTERS[f], doc, filters).includes(wanted)) mask |= 1 << f;
    }
    return mask;
  }

  const bitCount = (mask) => {
    let n = 0;
    for (let m = mask; m; m &= m - 1) n++;
    return n;
  };

  /** More query words, then a higher score, then earlier in the text. */
  const better = (p, q) => (p.bits - q.bits || p.score - q.score || q.para - p.para) > 0;

  /** Documents holding any slot, with their paragraphs, before filters. */
  function collect(terms, said) {
    const roles = P.index.roles;
    const saidRole = said ? roles.indexOf(said) : -1;
    const paras = new Map();
    terms.forEach((alts, slot) => {
      const best = new Map();
      for (const alt of alts) {
        P.decode(alt.postings, (doc, para, weight, role) => {
          const key = doc * PARA_KEY + para;
          const value = (alt.idf * weight) / P.index.levels;
          const known = best.get(key);
          if (!known || known[0] < value) best.set(key, [value, role]);
        });
      }
      for (const [key, [value, role]] of best) {
        const entry = paras.get(key);
        if (entry) {
          entry[0] |= 1 << slot;
          entry[1] += value;
        } else {
          paras.set(key, [1 << slot, value, role]);
        }
      }
    });
    const docs = new Map();
    for (const [key, [mask, score, role]] of paras) {
      const doc = Math.floor(key / PARA_KEY);
      const para = key - doc * PARA_KEY;
      let d = docs.get(doc);
      if (!d) {
        d = { doc, mask: 0, meta: 0, metaMask: 0, paras: [], best: null, total: 0, byRole: [0, 0, 0, 0] };
        docs.set(doc, d);
      }
      if (para === 0) {
        if (saidRole < 0) {
          d.metaMask = mask;
          d.meta = score;
          d.mask |= mask;
        }
        continue;
      }
      d.byRole[role] |= mask;
      if (saidRole >= 0 && role !== saidRole) continue;
      const p = { para, mask, score, role, bits: bitCount(mask) };
      d.mask |= mask;
      d.paras.push(p);
      d.total += score;
      if (!d.best || better(p, d.best)) d.best = p;
    }
    for (const d of docs.values()) {
      const best = d.best ? d.best.score : 0;
      d.bits = bitCount(d.mask);
      d.bestBits = Math.max(d.best ? d.best.bits : 0, bitCount(d.metaMask));
      d.score = best + META_WEIGHT * d.meta + Math.min(best, SPREAD * (d.total - best));
      d.paras.sort((a, b) => b.bits - a.bits || b.score - a.score || a.para - b.para);
    }
    return docs;
  }

  const byRank = (a, b) =>
    b.bits - a.bits || b.bestBits - a.bestBits || b.score - a.score || a.doc - b.doc;

  /**
   * Run a query with filters: {query, from, to, source, kind, speaker, country, countryAs,
   * topic, said}. Returns the ranked documents, the counts of every filter's values (each
   * counted with all the other filters applied), and the trend (paragraphs or documents per
   * year, or per month when the years are one).
   */
  async function run(filters) {
    const t = filters.quick ? null : await documentTable();
    const parsed = parse(filters.query || "");
    const browse = parsed.slots.length === 0;
    const terms = browse ? [] : await Promise.all(parsed.slots.map(alternatives));
    const full = (1 << parsed.slots.length) - 1;
    const found = browse ? null : collect(terms, filters.said);
    const counts = Object.fromEntries(FILTERS.map((f) => [f, new Map()]));
    const add = (facet, value, n) => counts[facet].set(value, (counts[facet].get(value) || 0) + n);
    const trend = new Map();
    const oneYear = filters.from && filters.from === filters.to;
    const kept = [];
    const complete = browse ? 0 : [...found.values()].filter((d) => d.mask === full).length;
    const wanted = (d) => !d || d.mask === full || (!complete && !parsed.strict && d.mask);
    const visit = (doc, d) => {
      if (!t) return kept.push(d);
      const mask = failures(t, doc, filters);
      if (bitCount(mask) > 1) return;
      const matching = d ? d.paras.filter((p) => p.mask === full || !complete).length : 1;
      for (let f = 0; f < FILTERS.length - 1; f++) {
        if (mask && mask !== 1 << f) continue;
        for (const v of valuesOf(t, FILTERS[f], doc, filters)) add(FILTERS[f], v, 1);
      }
      if (mask === 0 || mask === 1) {
        const period = oneYear ? P.index.months[t.month[doc]][0] : yearOf(t, doc);
        if (period && (mask === 0 || !oneYear)) trend.set(period, (trend.get(period) || 0) + matching);
      }
      if (mask === 0) kept.push(d || { doc, mask: 0, paras: [], best: null, score: 0 });
    };
    if (browse) {
      for (let doc = 0; doc < t.count; doc++) visit(doc, null);
    } else {
      for (const d of found.values()) if (wanted(d) && (d.paras.length || !filters.said)) visit(d.doc, d);
      if (!t) {
        // quick results (the header box): no filters, no counts
      } else if (!filters.said) {
        // the speaker filter's counts: documents whose paragraphs by that speaker hold every word
        for (const d of found.values()) {
          if (!wanted(d) || failures(t, d.doc, filters)) continue;
          P.index.roles.forEach((role, r) => {
            if (d.byRole[r] === full || (!complete && d.byRole[r])) add("said", role, 1);
          });
        }
      } else {
        const all = collect(terms, "");
        for (const d of all.values()) {
          if (!wanted(d) || failures(t, d.doc, filters)) continue;
          P.index.roles.forEach((role, r) => {
            if (d.byRole[r] === full || (!complete && d.byRole[r])) add("said", role, 1);
          });
        }
      }
    }
    if (!browse) kept.sort(byRank);
    return { parsed, terms, browse, complete: browse || complete > 0, results: kept, counts, trend, labels: t && t.labels };
  }

  // ---- when nothing is found -----------------------------------------------------------------

  /** Edit distance with transpositions, stopping past `limit`. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    let prev2 = null;
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      let low = i;
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        row.push(v);
        low = Math.min(low, v);
      }
      if (low > limit) return limit + 1;
      prev2 = prev;
      prev = row;
    }
    return prev[b.length];
  }

  /** "Did you mean": the query with each word found in no document replaced, or "". */
  async function suggest(result) {
    const missing = result.parsed.slots.filter((s, i) => !result.terms[i].length && s.terms.length);
    if (!missing.length) return "";
    const words = await P.loadWords();
    let query = result.parsed.raw.join(" ");
    let changed = false;
    for (const slot of missing) {
      const limit = P.codePoints(slot.terms[0]) <= 4 ? 1 : 2;
      let best = null;
      let bestDistance = limit + 1;
      for (const w of words) {
        const d = distance(slot.terms[0], w, Math.min(limit, bestDistance - 1));
        if (d > 0 && d < bestDistance) {
          best = w;
          bestDistance = d;
          if (d === 1) break;
        }
      }
      if (best) {
        query = query.replace(slot.raw, best);
        changed = true;
      }
    }
    return changed ? query : "";
  }

  /** Scripts of the query's words that no indexed word is written in ("Cyrillic"). */
  function foreignScripts(parsed) {
    const held = new Set(P.index.scripts);
    const out = [];
    for (const script of P.index.allScripts) {
      if (held.has(script)) continue;
      const pattern = new RegExp(`\\p{Script=${script}}`, "u");
      if (parsed.raw.some((w) => pattern.test(w))) out.push(script);
    }
    return out;
  }

  /** The terms to mark in a text for a query: its words, completions and names' words. */
  function markTerms(result) {
    const out = new Set();
    const entities = P.index.synonyms.entities;
    result.parsed.slots.forEach((slot, i) => {
      for (const t of slot.typed) out.add(t);
      for (const alt of result.terms[i] || []) if (!alt.term.startsWith("_")) out.add(alt.term);
      if (slot.entity >= 0) for (const t of entities[slot.entity][2]) out.add(t);
    });
    return out;
  }

  Object.assign(P, { parse, run, suggest, foreignScripts, markTerms, FILTERS });
})();
