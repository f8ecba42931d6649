/*
 * Parley search: the browser half of parley/search_index.py.
 *
 * The index is a set of scripts that call this file's global `parleySearch` object, loaded with
 * <script> tags (which work from disk, file://, where fetching local files does not):
 *   search/manifest.js     document ids newest first, shard boundaries, stop words
 *   search/terms/<n>.js    postings of the terms in shard n, loaded for the query's terms only
 *   search/docs/<id>.js    title, date, counterparts and paragraph text, loaded for results shown
 * The tokenizer below follows the Python one rule for rule; tests/fixtures/search/
 * tokenizer_vectors.json pins both. Text from the index reaches the page only as text nodes.
 */
(() => {
  "use strict";

  const PAGE = 10; // results shown at a time
  const META_WEIGHT = 1.5; // paragraph 0 (title, counterparts, countries, topics) counts more
  const SPREAD = 0.2; // other matching paragraphs add this share, at most the best paragraph
  const MAX_SLOTS = 16; // query words used
  const COMPLETE_FROM = 3; // a last word this long that is not a term is completed ...
  const COMPLETIONS = 8; // ... with up to this many terms
  const VERIFY_LIMIT = 50; // documents read per page to find an exact phrase
  const SNIPPET = 280; // characters of a paragraph shown under a result
  const DEBOUNCE = 150; // milliseconds after the last key before searching
  const MIN_LENGTH = 2; // shorter words are not indexed
  const LEVELS = 31; // weights are 1..LEVELS
  const PARA_KEY = 65536; // a paragraph's key: document * PARA_KEY + paragraph

  // ---- tokenizer: the same rules as parley/search_index.py ------------------------------------
  const WORD = /[\p{L}\p{N}]+/gu; // a run of letters and digits: "zarif", "2254"
  const MARKS = /\p{M}/gu; // combining marks, removed after NFKD: the accent of "é"
  const QUOTES = /["“”„«»]/; // phrase quotes: "Astana format", “Astana format”
  const WORD_AT_END = /[\p{L}\p{N}\p{M}]$/u; // the query ends inside a word: "Zar"
  const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  const DIGIT = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;

  let stopWords = new Set();
  const foldedChars = new Map();

  /** Text as the index sees it: NFKD, marks removed, lower case, final sigma as sigma. */
  function fold(text) {
    return text.normalize("NFKD").replace(MARKS, "").toLowerCase().replace(/ς/g, "σ");
  }

  function foldChar(char) {
    let folded = foldedChars.get(char);
    if (folded === undefined) {
      folded = fold(char);
      foldedChars.set(char, folded);
    }
    return folded;
  }

  const codePoints = (word) => Array.from(word).length;

  /** Light plural stemmer: "countries" -> "country", "talks" -> "talk", "crisis" stays. */
  function stem(word) {
    const n = word.length;
    if (word[n - 1] !== "s" || codePoints(word) <= 3) return word;
    if (word.endsWith("ies") && codePoints(word) > 4 && !"ae".includes(word[n - 4])) {
      return word.slice(0, -3) + "y";
    }
    if ("usi".includes(word[n - 2])) return word;
    return word.slice(0, -1);
  }

  /** The indexed form of a folded word, or "" when it is not indexed. */
  function term(word) {
    if (codePoints(word) < MIN_LENGTH || stopWords.has(word)) return "";
    return stem(word);
  }

  /** The indexed terms of a text, in order. */
  function tokens(text) {
    const out = [];
    for (const match of fold(text).matchAll(WORD)) {
      const t = term(match[0]);
      if (t) out.push(t);
    }
    return out;
  }

  /** The indexed words of a text with where they are: [{term, word, start, end}]. */
  function spans(text) {
    let folded = "";
    const from = [];
    const to = [];
    for (let i = 0; i < text.length; ) {
      const char = String.fromCodePoint(text.codePointAt(i));
      const piece = char.charCodeAt(0) < 128 ? char.toLowerCase() : foldChar(char);
      for (let k = 0; k < piece.length; k++) {
        from.push(i);
        to.push(i + char.length);
      }
      folded += piece;
      i += char.length;
    }
    const out = [];
    for (const match of folded.matchAll(WORD)) {
      const t = term(match[0]);
      if (!t) continue;
      const last = match.index + match[0].length - 1;
      out.push({ term: t, word: match[0], start: from[match.index], end: to[last] });
    }
    return out;
  }

  // ---- loading the index with <script> tags ----------------------------------------------------
  let base = "";
  let manifest = null;
  const shards = new Map();
  const texts = new Map();
  const loads = new Map();

  function load(key, path, take) {
    let promise = loads.get(key);
    if (promise) return promise;
    promise = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = base + path;
      script.async = true;
      const fail = () => {
        script.remove();
        loads.delete(key);
        reject(new Error(`could not load ${base + path}`));
      };
      script.onerror = fail;
      script.onload = () => {
        const data = take();
        if (data === undefined) return fail();
        script.remove();
        resolve(data);
      };
      document.head.append(script);
    });
    loads.set(key, promise);
    return promise;
  }

  function loadManifest() {
    return load("manifest", "manifest.js", () => manifest || undefined);
  }

  function loadShard(n) {
    return load(`shard ${n}`, `terms/${n}.js`, () => shards.get(n));
  }

  function loadText(id, part) {
    const key = `${id}\n${part}`;
    const name = encodeURIComponent(id);
    const path = part === 0 ? `docs/${name}.js` : `docs/${name}/${part}.js`;
    return load(`text ${key}`, path, () => texts.get(key));
  }

  /** The shard that would hold a term: the last whose first term is not after it, or -1. */
  function shardOf(t) {
    const firsts = manifest.shards;
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

  // ---- queries -------------------------------------------------------------------------------

  /** Slots (one per distinct term), phrases (slot sequences) and whether a phrase is quoted. */
  function parse(query) {
    const pieces = query.split(QUOTES);
    const slots = [];
    const bySlot = new Map();
    const phrases = [];
    let strict = false;
    const partialAt = WORD_AT_END.test(query) ? pieces.length - 1 : -1;
    let everything = [];
    pieces.forEach((piece, i) => {
      const sequence = [];
      const words = Array.from(fold(piece).matchAll(WORD), (m) => m[0]);
      words.forEach((word, w) => {
        const t = term(word);
        if (!t) return;
        let slot = bySlot.get(t);
        if (slot === undefined) {
          if (slots.length >= MAX_SLOTS) return;
          slot = slots.length;
          bySlot.set(t, slot);
          slots.push({ term: t, word, partial: false });
        }
        if (i === partialAt && w === words.length - 1) slots[slot].partial = true;
        sequence.push(slot);
      });
      if (i % 2 === 1 && sequence.length > 1) {
        phrases.push(sequence);
        strict = true;
      }
      everything = everything.concat(sequence);
    });
    if (!strict && everything.length > 1) phrases.push(everything);
    return { slots, phrases, strict };
  }

  /** The index terms standing for a slot: the term itself, or completions of a partial word. */
  async function alternatives(slot) {
    const first = shardOf(slot.term);
    if (first >= 0) {
      const shard = await loadShard(first);
      if (Object.hasOwn(shard, slot.term)) {
        const [idf, postings] = shard[slot.term];
        return [{ term: slot.term, idf, postings }];
      }
    }
    if (!slot.partial || codePoints(slot.word) < COMPLETE_FROM || stopWords.has(slot.word)) {
      return [];
    }
    const found = [];
    const start = Math.max(0, shardOf(slot.word));
    for (let n = start; n < manifest.shards.length && n < start + 3; n++) {
      if (n > start && !manifest.shards[n].startsWith(slot.word)) break;
      const shard = await loadShard(n);
      for (const t of Object.keys(shard)) {
        if (t.startsWith(slot.word)) found.push({ term: t, idf: shard[t][0], postings: shard[t][1] });
      }
    }
    found.sort((a, b) => b.postings.length - a.postings.length || (a.term < b.term ? -1 : 1));
    return found.slice(0, COMPLETIONS);
  }

  /** Calls visit(doc, paragraph, weight) for every posting of an encoded list. */
  function decode(postings, visit) {
    let i = 0;
    const next = () => {
      let value = 0;
      let shift = 0;
      for (;;) {
        const digit = DIGIT[postings.charCodeAt(i++)];
        value += (digit & 31) * 2 ** shift;
        if (digit < 32) return value;
        shift += 5;
      }
    };
    let doc = -1;
    while (i < postings.length) {
      doc += next() + 1;
      const count = next() + 1;
      let para = -1;
      for (let k = 0; k < count; k++) {
        para += next() + 1;
        visit(doc, para, next() + 1);
      }
    }
  }

  /** More query words, then a higher score, then earlier in the text. */
  const better = (p, q) => (p.bits - q.bits || p.score - q.score || q.para - p.para) > 0;

  const bitCount = (mask) => {
    let n = 0;
    for (let m = mask; m; m &= m - 1) n++;
    return n;
  };

  /** Every document matching a slot, scored, best first (see the Python module for weights). */
  function rank(terms) {
    const paras = new Map();
    terms.forEach((alts, slot) => {
      const best = new Map();
      for (const alt of alts) {
        decode(alt.postings, (doc, para, weight) => {
          const key = doc * PARA_KEY + para;
          const value = (alt.idf * weight) / LEVELS;
          if (!(best.get(key) >= value)) best.set(key, value);
        });
      }
      for (const [key, value] of best) {
        const entry = paras.get(key);
        if (entry) {
          entry[0] |= 1 << slot;
          entry[1] += value;
        } else {
          paras.set(key, [1 << slot, value]);
        }
      }
    });
    const docs = new Map();
    for (const [key, [mask, score]] of paras) {
      const doc = Math.floor(key / PARA_KEY);
      const para = key - doc * PARA_KEY;
      let d = docs.get(doc);
      if (!d) {
        d = { doc, mask: 0, metaMask: 0, meta: 0, paras: [], best: null, total: 0 };
        docs.set(doc, d);
      }
      d.mask |= mask;
      if (para === 0) {
        d.metaMask = mask;
        d.meta = score;
        continue;
      }
      const p = { para, mask, score, bits: bitCount(mask) };
      d.paras.push(p);
      d.total += score;
      if (!d.best || better(p, d.best)) d.best = p;
    }
    const ranked = Array.from(docs.values());
    for (const d of ranked) {
      const best = d.best ? d.best.score : 0;
      d.bits = bitCount(d.mask);
      d.bestBits = Math.max(d.best ? d.best.bits : 0, bitCount(d.metaMask));
      d.score = best + META_WEIGHT * d.meta + Math.min(best, SPREAD * (d.total - best));
    }
    ranked.sort(
      (a, b) => b.bits - a.bits || b.bestBits - a.bestBits || b.score - a.score || a.doc - b.doc,
    );
    return ranked;
  }

  /** Where a phrase (slot sequence) occurs in a paragraph's spans: [first, last] or null. */
  function findPhrase(found, phrase, termSets) {
    for (let i = 0; i + phrase.length <= found.length; i++) {
      let k = 0;
      while (k < phrase.length && termSets[phrase[k]].has(found[i + k].term)) k++;
      if (k === phrase.length) return [i, i + k - 1];
    }
    return null;
  }

  /** Load the text a result shows; find the paragraph to show (an exact phrase if any). */
  async function prepare(d, search) {
    const id = manifest.ids[d.doc];
    const part = manifest.part;
    const needed = search.phraseMasks.length
      ? d.paras
          .filter((p) => search.phraseMasks.some((m) => (p.mask & m) === m))
          .sort((a, b) => b.score - a.score || a.para - b.para)
          .slice(0, 5)
      : [];
    const order = d.best ? [d.best, ...needed.filter((p) => p !== d.best)] : needed;
    const parts = [...new Set(order.map((p) => Math.floor((p.para - 1) / part)))];
    if (!parts.length) parts.push(0);
    const loaded = await Promise.allSettled(parts.slice(0, 3).map((k) => loadText(id, k)));
    const byPart = new Map();
    parts.slice(0, 3).forEach((k, i) => {
      if (loaded[i].status === "fulfilled") byPart.set(k, loaded[i].value);
    });
    const head = byPart.get(0) || [...byPart.values()][0] || { t: id, d: "", w: "", c: "" };
    const textOf = (para) => {
      const data = byPart.get(Math.floor((para - 1) / part));
      return data ? data.p[para - data.f] : undefined;
    };
    let chosen = d.best ? d.best.para : 0;
    let phrase = null;
    for (const p of needed) {
      const text = textOf(p.para);
      if (text === undefined) continue;
      const found = spans(text);
      for (const sequence of search.phrases) {
        const at = findPhrase(found, sequence, search.termSets);
        if (at) {
          chosen = p.para;
          phrase = { start: found[at[0]].start, end: found[at[1]].end };
          break;
        }
      }
      if (phrase) break;
    }
    return { id, doc: d.doc, head, para: chosen, text: chosen ? textOf(chosen) : undefined, phrase };
  }

  // ---- the page ------------------------------------------------------------------------------
  let form;
  let input;
  let status;
  let list;
  let more;
  let site = "";
  let generation = 0;
  let current = null;
  let indexReady = null;

  /** Text with the query's words marked: <mark> around matching words, all else text nodes. */
  function marked(text, search, phrase) {
    const fragment = document.createDocumentFragment();
    const ranges = [];
    for (const s of spans(text)) {
      if (search.allTerms.has(s.term) || search.prefixes.some((w) => s.word.startsWith(w))) {
        ranges.push([s.start, s.end]);
      }
    }
    if (phrase) ranges.push([phrase.start, phrase.end]);
    ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    let at = 0;
    for (const [start, end] of ranges) {
      if (start < at) continue;
      fragment.append(text.slice(at, start));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(start, end);
      fragment.append(mark);
      at = end;
    }
    fragment.append(text.slice(at));
    return fragment;
  }

  /** A window of at most SNIPPET characters around the first match, cut at spaces. */
  function excerpt(text, search, phrase) {
    if (text.length <= SNIPPET) return { text, phrase };
    let first = phrase ? phrase.start : -1;
    if (first < 0) {
      const hit = spans(text).find(
        (s) => search.allTerms.has(s.term) || search.prefixes.some((w) => s.word.startsWith(w)),
      );
      first = hit ? hit.start : 0;
    }
    let start = Math.max(0, first - 60);
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    if (start > first) start = first;
    let end = Math.min(text.length, start + SNIPPET);
    if (end < text.length) end = Math.max(text.lastIndexOf(" ", end), first + 1);
    const shown = (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
    const shift = (start > 0 ? 1 : 0) - start;
    const moved = phrase && { start: phrase.start + shift, end: phrase.end + shift };
    return { text: shown, phrase: moved };
  }

  function resultItem(r, search) {
    const li = document.createElement("li");
    li.className = "parley-result";
    const link = document.createElement("a");
    link.className = "parley-result__title";
    const page = manifest.page.replace("{id}", encodeURIComponent(r.id));
    link.href = site + page + (r.para ? `#p${r.para}` : "");
    link.append(marked(r.head.t, search, null));
    const title = document.createElement("h2");
    title.append(link);
    const meta = document.createElement("p");
    meta.className = "parley-result__meta";
    const details = [r.head.d, r.head.w, r.head.c && `with ${r.head.c}`];
    if (r.para) details.push(`¶ ${r.para}`);
    meta.append(marked(details.filter(Boolean).join(" · "), search, null));
    li.append(title, meta);
    if (r.text) {
      const cut = excerpt(r.text, search, r.phrase);
      const snippet = document.createElement("p");
      snippet.className = "parley-result__snippet";
      snippet.append(marked(cut.text, search, cut.phrase));
      li.append(snippet);
    }
    return li;
  }

  /** The next page of results; for a quoted phrase, only documents where it was found. */
  async function nextPage(search) {
    const out = [];
    let read = 0;
    while (out.length < PAGE && search.cursor < search.candidates.length) {
      const batch = search.candidates.slice(search.cursor, search.cursor + PAGE - out.length);
      search.cursor += batch.length;
      read += batch.length;
      const prepared = await Promise.all(batch.map((d) => prepare(d, search)));
      for (const r of prepared) if (!search.strict || r.phrase) out.push(r);
      if (!search.strict || read >= VERIFY_LIMIT) break;
    }
    search.found += out.length;
    const withPhrase = out.filter((r) => r.phrase);
    return search.strict ? out : [...withPhrase, ...out.filter((r) => !r.phrase)];
  }

  function plural(n, word) {
    return `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;
  }

  function summary(search) {
    const q = `“${search.query.trim()}”`;
    if (!search.candidates.length) return `No results for ${q}.`;
    if (search.strict) {
      const all = `${plural(search.candidates.length, "transcript")} have its words in one paragraph`;
      if (search.cursor >= search.candidates.length) {
        return search.found
          ? `${plural(search.found, "result")} for ${q}.`
          : `No results for ${q}: ${all}, but not as a phrase.`;
      }
      return `At least ${plural(search.found, "result")} for ${q} (${all}).`;
    }
    if (!search.complete) {
      return `No transcript contains all the words of ${q}; ${plural(search.candidates.length, "transcript")} contain some of them.`;
    }
    return `${plural(search.candidates.length, "result")} for ${q}.`;
  }

  async function showMore(search, focusFirst) {
    more.hidden = true;
    list.setAttribute("aria-busy", "true");
    const page = await nextPage(search);
    if (search !== current) return;
    const items = page.map((r) => resultItem(r, search));
    list.append(...items);
    list.removeAttribute("aria-busy");
    more.hidden = search.cursor >= search.candidates.length;
    status.textContent = summary(search);
    if (focusFirst && items.length) items[0].querySelector("a").focus();
  }

  async function run(query) {
    const mine = ++generation;
    await indexReady;
    if (mine !== generation) return;
    const parsed = parse(query);
    if (!parsed.slots.length) {
      current = null;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = query.trim() ? `No searchable words in “${query.trim()}”.` : "";
      return;
    }
    const terms = await Promise.all(parsed.slots.map(alternatives));
    if (mine !== generation) return;
    const ranked = rank(terms);
    const full = (1 << parsed.slots.length) - 1;
    const complete = ranked.filter((d) => d.mask === full);
    const termSets = terms.map((alts, i) => new Set([parsed.slots[i].term, ...alts.map((a) => a.term)]));
    const search = {
      query,
      strict: parsed.strict,
      phrases: parsed.phrases,
      phraseMasks: parsed.phrases.map((p) => p.reduce((m, s) => m | (1 << s), 0)),
      termSets,
      allTerms: new Set(termSets.flatMap((s) => [...s])),
      prefixes: parsed.slots.map((s) => s.word).filter((w) => codePoints(w) >= 4),
      candidates: complete.length || parsed.strict ? complete : ranked,
      complete: complete.length > 0,
      cursor: 0,
      found: 0,
    };
    if (parsed.strict) {
      const needed = search.phraseMasks.reduce((a, m) => a | m, 0);
      search.candidates = complete.filter((d) => d.paras.some((p) => (p.mask & needed) === needed));
    }
    current = search;
    list.replaceChildren();
    await showMore(search, false);
    if (mine === generation) remember(query);
  }

  function remember(query) {
    try {
      const url = new URL(window.location.href);
      url.searchParams.set("q", query);
      window.history.replaceState(null, "", url);
    } catch {
      // some browsers refuse to change the address of a page opened from disk
    }
  }

  function report(error) {
    status.textContent = `Search is not available: ${error.message}.`;
  }

  let timer = 0;
  function schedule(delay) {
    window.clearTimeout(timer);
    const query = input.value;
    timer = window.setTimeout(() => run(query).catch(report), delay);
  }

  function onKey(event) {
    const links = Array.from(list.querySelectorAll("a.parley-result__title"));
    const at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && (event.target === input || at >= 0)) {
      if (at + 1 < links.length) links[at + 1].focus();
      event.preventDefault();
    } else if (event.key === "ArrowUp" && at >= 0) {
      (at > 0 ? links[at - 1] : input).focus();
      event.preventDefault();
    } else if (event.key === "Escape" && at >= 0) {
      input.focus();
    }
  }

  function start() {
    form = document.getElementById("parley-search");
    if (!form) return;
    input = form.querySelector("input[name=q]");
    status = document.getElementById("parley-search-status");
    list = document.getElementById("parley-search-results");
    more = document.getElementById("parley-search-more");
    base = form.dataset.index || "archive/search/";
    site = form.dataset.site || "";
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      schedule(0);
    });
    input.addEventListener("input", () => schedule(DEBOUNCE));
    document.addEventListener("keydown", onKey);
    more.addEventListener("click", () => current && showMore(current, true).catch(report));
    const query = new URLSearchParams(window.location.search).get("q");
    if (query) input.value = query;
    indexReady = loadManifest().then(() => {
      if (manifest.format !== 1) throw new Error("the search index has an unknown format");
      stopWords = new Set(manifest.stop);
    });
    api.ready = indexReady.then(() => (input.value.trim() ? run(input.value) : undefined));
    api.ready.catch(report);
  }

  const api = {
    manifest(data) {
      manifest = data;
    },
    shard(n, data) {
      shards.set(n, data);
    },
    text(id, part, data) {
      texts.set(`${id}\n${part}`, data);
    },
    fold,
    stem,
    tokens,
    spans,
    ready: null,
  };
  window.parleySearch = api;
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
