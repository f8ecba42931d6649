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
    // a name: its entity's paragraphs, and those of the word without the entity (not the word's
    // own list, most of which repeats the entity's)
    const wanted =
      slot.entity >= 0
        ? [P.index.synonyms.entities[slot.entity][0], ...slot.terms.map((t) => P.index.outside + t)]
        : [...slot.terms];
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

  // ---- documents' filter values (search/facets/<filter>.js), as typed arrays -----------------
  // The months and years come with the manifest; each filter's documents are loaded only when
  // that filter is set or the reader turns to the filters (their files grow with the archive).
  let table = null;
  const facetLoads = new Map();
  //: The facet files each filter of the page needs ("country" is counterpart and mentioned).
  const FACET_FILES = { source: ["source"], kind: ["kind"], speaker: ["speaker"], country: ["counterpart", "mentioned"], topic: ["topic"] };

  /** Per document: its year's and month's place, from the manifest alone. */
  function baseTable() {
    if (table) return table;
    const index = P.index;
    const count = index.count;
    const month = new Int32Array(count);
    index.months.forEach(([, first], k) => month.fill(k, first));
    const years = [...new Set(index.months.map(([m]) => m.slice(0, 4)))];
    const yearOfMonth = Int32Array.from(index.months.map(([m]) => years.indexOf(m.slice(0, 4))));
    const year = new Int32Array(count);
    for (let d = 0; d < count; d++) year[d] = yearOfMonth[month[d]];
    table = { count, month, year, years, facets: {}, labels: {}, countries: null };
    return table;
  }

  /**
   * One facet's values per document (CSR: the values of document d are vals[start[d]] to
   * vals[start[d + 1] - 1], as places in the facet's list), loaded once.
   */
  function loadFacetTable(name) {
    let promise = facetLoads.get(name);
    if (promise) return promise;
    promise = P.loadFacet(name).then((rows) => {
      const t = baseTable();
      const count = t.count;
      const lists = rows.map((row) => P.decodeDocs(row[2]));
      const start = new Int32Array(count + 1);
      for (const list of lists) for (let k = 0; k < list.length; k++) start[list[k] + 1]++;
      for (let d = 0; d < count; d++) start[d + 1] += start[d];
      const vals = new Int32Array(start[count]);
      const fill = start.slice(0, count);
      lists.forEach((list, v) => {
        for (let k = 0; k < list.length; k++) vals[fill[list[k]]++] = v;
      });
      t.facets[name] = { values: rows.map((row) => row[0]), start, vals };
      t.labels[name] = new Map(rows.map((row) => [row[0], row[1]]));
      return t.facets[name];
    });
    promise.catch(() => facetLoads.delete(name));
    facetLoads.set(name, promise);
    return promise;
  }

  /** Whether a filter's documents are loaded (its values can be counted). */
  const hasFilter = (filter) => !FACET_FILES[filter] || FACET_FILES[filter].every((name) => table && table.facets[name]);

  /** Load the documents of the given filters (all of them when none is named). */
  function loadFilters(filters) {
    const names = (filters || Object.keys(FACET_FILES)).flatMap((f) => FACET_FILES[f] || []);
    return Promise.all(names.map(loadFacetTable));
  }

  /**
   * The table a search needs: the months and years, and the documents of every filter that is
   * set or already loaded. "country" is counterpart and mentioned in one list of countries.
   */
  async function documentTable(filters) {
    const t = baseTable();
    const set = Object.keys(FACET_FILES).filter((f) => filters[f]);
    await loadFilters(set);
    if (!t.countries && hasFilter("country")) {
      const { counterpart, mentioned } = t.facets;
      t.countries = [...new Set([...counterpart.values, ...mentioned.values])];
      const place = new Map(t.countries.map((c, k) => [c, k]));
      const asCountry = (facet) => Int32Array.from(facet.values.map((v) => place.get(v)));
      t.fromCounterpart = asCountry(counterpart);
      t.fromMentioned = asCountry(mentioned);
      t.labels.country = new Map([...t.labels.counterpart, ...t.labels.mentioned]);
    }
    return t;
  }

  /**
   * The document filters of a search, ready to check and count: for each of FILTERS' first six,
   * the values a document has (as places in `names[f]`), and whether a document passes it.
   */
  function filterView(t, filters) {
    const seen = new Int32Array(t.countries ? t.countries.length : 0);
    let stamp = 0;
    const scratch = [];
    const multi = (facet) => {
      const f = t.facets[facet];
      if (!f) return null;
      return (doc, out) => {
        for (let k = f.start[doc]; k < f.start[doc + 1]; k++) out.push(f.vals[k]);
        return out;
      };
    };
    const country = (doc, out) => {
      stamp++;
      const sides = [];
      if (filters.countryAs !== "mentioned") sides.push([t.facets.counterpart, t.fromCounterpart]);
      if (filters.countryAs !== "counterpart") sides.push([t.facets.mentioned, t.fromMentioned]);
      for (const [f, map] of sides) {
        for (let k = f.start[doc]; k < f.start[doc + 1]; k++) {
          const c = map[f.vals[k]];
          if (seen[c] !== stamp) {
            seen[c] = stamp;
            out.push(c);
          }
        }
      }
      return out;
    };
    // a filter whose documents are not loaded has no values (and is not counted)
    const valuesOf = [
      (doc, out) => {
        out.push(t.year[doc]);
        return out;
      },
      multi("source"),
      multi("kind"),
      multi("speaker"),
      t.countries ? country : null,
      multi("topic"),
    ];
    const facetValues = (facet) => (t.facets[facet] ? t.facets[facet].values : []);
    const names = [t.years, facetValues("source"), facetValues("kind"), facetValues("speaker"), t.countries || [], facetValues("topic")];
    // which documents pass each filter that is set (null: not set)
    const passes = names.map(() => null);
    if (filters.from || filters.to) {
      const ok = Uint8Array.from(t.years, (y) => (y && (!filters.from || y >= filters.from) && (!filters.to || y <= filters.to) ? 1 : 0));
      passes[0] = Uint8Array.from(t.year, (y) => ok[y]);
    }
    for (let f = 1; f < names.length; f++) {
      const wanted = filters[FILTERS[f]];
      if (!wanted) continue;
      const v = names[f].indexOf(wanted);
      const pass = new Uint8Array(t.count);
      if (v >= 0) {
        for (let doc = 0; doc < t.count; doc++) {
          scratch.length = 0;
          if (valuesOf[f](doc, scratch).includes(v)) pass[doc] = 1;
        }
      }
      passes[f] = pass;
    }
    const active = [];
    passes.forEach((pass, f) => pass && active.push(f));
    /** A bit for each document filter the document fails (the bit of FILTERS' place). */
    const failures = (doc) => {
      let mask = 0;
      for (const f of active) if (!passes[f][doc]) mask |= 1 << f;
      return mask;
    };
    return { valuesOf, names, failures };
  }

  const bitCount = (mask) => {
    let n = 0;
    for (let m = mask; m; m &= m - 1) n++;
    return n;
  };

  // ---- matching: postings as typed arrays ------------------------------------------------------

  /** Merge sorted postings lists (k-way, by document then paragraph); `take(list, i)` each. */
  function merge(lists, take) {
    const at = lists.map(() => 0);
    for (;;) {
      let pick = -1;
      let doc = 0;
      let para = 0;
      for (let k = 0; k < lists.length; k++) {
        const l = lists[k];
        if (at[k] >= l.n) continue;
        const d = l.doc[at[k]];
        const p = l.para[at[k]];
        if (pick < 0 || d < doc || (d === doc && p < para)) {
          pick = k;
          doc = d;
          para = p;
        }
      }
      if (pick < 0) return;
      take(pick, at[pick]++, doc, para);
    }
  }

  /** One slot's paragraphs: the postings of its alternatives, each paragraph with its best value. */
  function slotList(alts) {
    const lists = alts.map((alt) => P.decodeArrays(alt.postings));
    const levels = P.index.levels;
    if (lists.length === 1) {
      const l = lists[0];
      const value = new Float32Array(l.n);
      const idf = alts[0].idf;
      for (let i = 0; i < l.n; i++) value[i] = (idf * l.weight[i]) / levels;
      return { n: l.n, doc: l.doc, para: l.para, role: l.role, value };
    }
    const size = lists.reduce((n, l) => n + l.n, 0);
    const out = { n: 0, doc: new Int32Array(size), para: new Int32Array(size), role: new Uint8Array(size), value: new Float32Array(size) };
    merge(lists, (k, i, doc, para) => {
      const value = (alts[k].idf * lists[k].weight[i]) / levels;
      const last = out.n - 1;
      if (last >= 0 && out.doc[last] === doc && out.para[last] === para) {
        if (value > out.value[last]) {
          out.value[last] = value;
          out.role[last] = lists[k].role[i];
        }
        return;
      }
      out.doc[out.n] = doc;
      out.para[out.n] = para;
      out.role[out.n] = lists[k].role[i];
      out.value[out.n] = value;
      out.n++;
    });
    return out;
  }

  /** Every paragraph holding a slot, in order, with the slots it holds and its score. */
  function paragraphs(slots) {
    const size = slots.reduce((n, l) => n + l.n, 0);
    const out = { n: 0, doc: new Int32Array(size), para: new Int32Array(size), mask: new Int32Array(size), score: new Float32Array(size), role: new Uint8Array(size) };
    merge(slots, (k, i, doc, para) => {
      const last = out.n - 1;
      if (last >= 0 && out.doc[last] === doc && out.para[last] === para) {
        out.mask[last] |= 1 << k;
        out.score[last] += slots[k].value[i];
        return;
      }
      out.doc[out.n] = doc;
      out.para[out.n] = para;
      out.mask[out.n] = 1 << k;
      out.score[out.n] = slots[k].value[i];
      out.role[out.n] = slots[k].role[i];
      out.n++;
    });
    out.bits = new Uint8Array(out.n);
    for (let i = 0; i < out.n; i++) out.bits[i] = bitCount(out.mask[i]);
    return out;
  }

  /** A matching document; its paragraphs (best first) are worked out when asked for. */
  class Hit {
    constructor(found, k) {
      this.doc = found ? found.doc[k] : k;
      this.found = found;
      this.k = found ? k : -1;
    }

    get paras() {
      const f = this.found;
      if (!f) return [];
      const p = f.paras;
      const out = [];
      for (let i = f.start[this.k]; i < f.end[this.k]; i++) {
        if (f.chosen[i]) out.push({ para: p.para[i], mask: p.mask[i], score: p.score[i], role: p.role[i], bits: p.bits[i] });
      }
      out.sort((a, b) => b.bits - a.bits || b.score - a.score || a.para - b.para);
      return out;
    }
  }

  /**
   * Documents holding any slot, before filters, as typed arrays (one place per document):
   * the slots found (mask), in the best paragraph (bestBits), the score, the slots each role's
   * paragraphs hold, which paragraphs count (`said`: only that speaker's), and which of the
   * phrases (slot masks) some counted paragraph holds every word of (`near`, a bit each): a
   * quoted phrase can only be in such a paragraph.
   */
  function collect(p, said, phraseMasks) {
    const saidRole = said ? P.index.roles.indexOf(said) : -1;
    let docs = 0;
    for (let i = 0; i < p.n; i++) if (i === 0 || p.doc[i] !== p.doc[i - 1]) docs++;
    const f = {
      n: docs,
      paras: p,
      doc: new Int32Array(docs),
      start: new Int32Array(docs),
      end: new Int32Array(docs),
      mask: new Int32Array(docs),
      bits: new Uint8Array(docs),
      bestBits: new Uint8Array(docs),
      score: new Float64Array(docs),
      counted: new Int32Array(docs),
      byRole: P.index.roles.map(() => new Int32Array(docs)),
      chosen: new Uint8Array(p.n),
      near: new Int32Array(docs),
    };
    let k = -1;
    for (let i = 0; i < p.n; ) {
      k++;
      const doc = p.doc[i];
      let mask = 0;
      let meta = 0;
      let metaMask = 0;
      let total = 0;
      let best = -1;
      let counted = 0;
      let near = 0;
      f.doc[k] = doc;
      f.start[k] = i;
      for (; i < p.n && p.doc[i] === doc; i++) {
        if (p.para[i] === 0) {
          if (saidRole < 0) {
            metaMask = p.mask[i];
            meta = p.score[i];
            mask |= metaMask;
          }
          continue;
        }
        f.byRole[p.role[i]][k] |= p.mask[i];
        if (saidRole >= 0 && p.role[i] !== saidRole) continue;
        f.chosen[i] = 1;
        counted++;
        for (let j = 0; j < phraseMasks.length; j++) if ((p.mask[i] & phraseMasks[j]) === phraseMasks[j]) near |= 1 << j;
        mask |= p.mask[i];
        total += p.score[i];
        // more query words, then a higher score, then earlier in the text
        if (best < 0 || p.bits[i] - p.bits[best] > 0 || (p.bits[i] === p.bits[best] && p.score[i] > p.score[best])) best = i;
      }
      f.end[k] = i;
      const top = best >= 0 ? p.score[best] : 0;
      f.mask[k] = mask;
      f.bits[k] = bitCount(mask);
      f.bestBits[k] = Math.max(best >= 0 ? p.bits[best] : 0, bitCount(metaMask));
      f.score[k] = top + META_WEIGHT * meta + Math.min(top, SPREAD * (total - top));
      f.counted[k] = counted;
      f.near[k] = near;
    }
    return f;
  }

  /** Paragraphs of document place k that count and hold every slot (or any, when none does). */
  function matchingParagraphs(f, k, full, complete) {
    if (!complete) return f.counted[k];
    let n = 0;
    for (let i = f.start[k]; i < f.end[k]; i++) if (f.chosen[i] && f.paras.mask[i] === full) n++;
    return n;
  }

  /**
   * Run a query with filters: {query, from, to, source, kind, speaker, country, countryAs,
   * topic, said}. Returns the ranked documents, the counts of every filter's values (each
   * counted with all the other filters applied), and the trend (paragraphs or documents per
   * year, or per month when the years are one).
   */
  async function run(filters) {
    const t = filters.quick ? null : await documentTable(filters);
    const parsed = parse(filters.query || "");
    const browse = parsed.slots.length === 0;
    const terms = browse ? [] : await Promise.all(parsed.slots.map(alternatives));
    const full = (1 << parsed.slots.length) - 1;
    const matched = browse ? null : paragraphs(terms.map(slotList));
    // a quoted phrase: only documents with a paragraph holding all its words are candidates
    const phraseMasks = parsed.strict ? parsed.phrases.map((seq) => seq.reduce((m, slot) => m | (1 << slot), 0)) : [];
    const allNear = (1 << phraseMasks.length) - 1;
    const whole = (f, k) => f.mask[k] === full && f.near[k] === allNear;
    const found = browse ? null : collect(matched, filters.said, phraseMasks);
    const view = t && filterView(t, filters);
    const tallies = view ? view.names.map((names) => new Int32Array(names.length)) : [];
    const oneYear = filters.from && filters.from === filters.to;
    const trend = new Map();
    const addTrend = (period, n) => period && trend.set(period, (trend.get(period) || 0) + n);
    const kept = [];
    let complete = 0;
    if (!browse) for (let k = 0; k < found.n; k++) if (whole(found, k)) complete++;
    const wanted = (k) => whole(found, k) || (!complete && !parsed.strict && found.mask[k]);
    const scratch = [];
    const visit = (doc, k) => {
      if (!t) return kept.push(k);
      const mask = view.failures(doc);
      if (bitCount(mask) > 1) return;
      for (let f = 0; f < FILTERS.length - 1; f++) {
        if ((mask && mask !== 1 << f) || !view.valuesOf[f]) continue;
        scratch.length = 0;
        const tally = tallies[f];
        for (const v of view.valuesOf[f](doc, scratch)) tally[v]++;
      }
      if (mask === 0 || mask === 1) {
        const matching = k < 0 ? 1 : matchingParagraphs(found, k, full, complete > 0);
        const m = t.month[doc];
        if (oneYear) {
          if (mask === 0) addTrend(P.index.months[m][0], matching);
        } else {
          addTrend(t.years[t.year[doc]], matching);
        }
      }
      if (mask === 0) kept.push(k < 0 ? doc : k);
    };
    if (browse) {
      for (let doc = 0; doc < t.count; doc++) visit(doc, -1);
    } else {
      for (let k = 0; k < found.n; k++) {
        if (wanted(k) && (found.counted[k] || !filters.said)) visit(found.doc[k], k);
      }
    }
    const counts = Object.fromEntries(FILTERS.map((f) => [f, new Map()]));
    tallies.forEach((tally, f) => {
      const names = view.names[f];
      for (let v = 0; v < tally.length; v++) if (tally[v] && names[v]) counts[FILTERS[f]].set(names[v], tally[v]);
    });
    if (t && !browse) {
      // the speaker filter's counts: documents whose paragraphs by that speaker hold every word
      const all = filters.said ? collect(matched, "", phraseMasks) : found;
      let wholes = 0;
      for (let k = 0; k < all.n; k++) if (whole(all, k)) wholes++;
      const roles = P.index.roles;
      for (let k = 0; k < all.n; k++) {
        const ok = whole(all, k) || (!wholes && !parsed.strict && all.mask[k]);
        if (!ok || view.failures(all.doc[k])) continue;
        roles.forEach((role, r) => {
          const m = all.byRole[r][k];
          if (m === full || (!wholes && m)) counts.said.set(role, (counts.said.get(role) || 0) + 1);
        });
      }
    }
    let results;
    if (browse) {
      results = kept.map((doc) => new Hit(null, doc));
    } else {
      kept.sort((a, b) => found.bits[b] - found.bits[a] || found.bestBits[b] - found.bestBits[a] || found.score[b] - found.score[a] || found.doc[a] - found.doc[b]);
      results = kept.map((k) => new Hit(found, k));
    }
    const counted = new Set(FILTERS.filter((f) => t && hasFilter(f)));
    return { parsed, terms, browse, complete: browse || complete > 0, results, counts, counted, trend, labels: t && t.labels };
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

  /**
   * A word of the archive's text whose term is `t`, as written there ("negotiations" for the
   * stem "negoti", "Lavrov" for "lavrov"): from the first paragraph holding it, in lower case
   * when the text has it so. "" when it cannot be found.
   */
  async function writtenWord(t) {
    try {
      const found = await lookup(t);
      if (!found) return "";
      const postings = P.decodeArrays(found.postings);
      if (!postings.n) return "";
      const doc = postings.doc[0];
      const para = postings.para[0];
      const id = await P.idOf(doc);
      const part = para ? Math.floor((para - 1) / P.index.part) : 0;
      const data = await P.loadText(id, part);
      const text = para ? data.p[para - data.f] || "" : data.t;
      const words = P.spans(text).filter((s) => s.term === t).map((s) => text.slice(s.start, s.end));
      return words.find((w) => w === w.toLowerCase()) || words[0] || "";
    } catch {
      return "";
    }
  }

  /** "Did you mean": the query with each word found in no document replaced by a word of the
   * archive's vocabulary as written (words.js holds terms, which may be stems), or "". */
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
        query = query.replace(slot.raw, (await writtenWord(best)) || best);
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

  Object.assign(P, { parse, run, suggest, foreignScripts, markTerms, loadFilters, hasFilter, FILTERS });
})();
