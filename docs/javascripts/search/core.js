/*
 * Parley search, part 1 of 5: the shared object, the tokenizer and the index loader.
 * Classic scripts (module scripts do not run from file://), loaded in this order on every page:
 *   core.js     window.parleySearch: tokenizer (the rules of parley/search/tokens.py), loading
 *               the index's scripts, decoding postings
 *   engine.js   queries: synonyms, postings, ranking, filters, facet counts, trend, suggestions
 *   results.js  a result as HTML: speaker, question, highlighted words, "N more"
 *   header.js   the header's search box, and highlighting the searched words on a page
 *   page.js     the search page: filters, address, trend chart (search.html only)
 * The index (parley/search/index.py) is a set of scripts calling this object, loaded with
 * <script> tags, which work from disk where fetching local files does not. The constants both
 * sides share (stop words, alphabet, weight levels, roles ...) come from its manifest.
 */
(() => {
  "use strict";

  const WORD = /[\p{L}\p{N}]+/gu; // a run of letters and digits: "zarif", "2254"
  const MARKS = /\p{M}/gu; // combining marks, removed after NFKD: the accent of "é"
  const STEMMABLE = /^[a-z]+$/; // words the stemmer is given (as in tokens.py)

  // The site's root relative to this page, from this script's own address as written in the
  // page: "../../javascripts/search/core.js" -> "../../".
  const here = (document.currentScript && document.currentScript.getAttribute("src")) || "";
  const site = here.replace(/javascripts\/search\/core\.js(\?.*)?$/, "");
  const base = site + "archive/search/";

  let manifest = null;
  let stopWords = new Set();
  let minLength = 2;
  let digit = null;
  const foldedChars = new Map();
  const stems = new Map();
  const shards = new Map();
  const texts = new Map();
  const idFiles = new Map();
  const loads = new Map();
  const facetData = new Map();
  let wordList = null;

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

  /** The Snowball English stem of a word of letters a-z; any other word as it is. */
  function stem(word) {
    if (!STEMMABLE.test(word)) return word;
    let found = stems.get(word);
    if (found === undefined) {
      found = window.parleyStemmer(word);
      stems.set(word, found);
    }
    return found;
  }

  /** The indexed term of a folded word, or "" when it is not indexed. */
  function term(word) {
    if (codePoints(word) < minLength || stopWords.has(word)) return "";
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

  /** Numbers written as letters (parley/search/codec.py), one after the other. */
  function reader(encoded) {
    let i = 0;
    return {
      more: () => i < encoded.length,
      next() {
        let value = 0;
        let shift = 0;
        for (;;) {
          const d = digit[encoded.charCodeAt(i++)];
          value += (d & 31) * 2 ** shift;
          if (d < 32) return value;
          shift += 5;
        }
      },
    };
  }

  /**
   * An encoded postings list as typed arrays, in (document, paragraph) order:
   * {n, doc, para, weight, role}. Each posting takes at least two letters, so half the letters
   * bound their number.
   */
  function decodeArrays(encoded) {
    const size = (encoded.length >> 1) + 1;
    const docs = new Int32Array(size);
    const paras = new Int32Array(size);
    const weights = new Uint8Array(size);
    const roleOf = new Uint8Array(size);
    const roles = manifest.roles.length;
    const numbers = reader(encoded);
    const next = numbers.next;
    let n = 0;
    let doc = -1;
    while (numbers.more()) {
      doc += next() + 1;
      const count = next() + 1;
      let para = -1;
      for (let k = 0; k < count; k++) {
        para += next() + 1;
        const code = next();
        docs[n] = doc;
        paras[n] = para;
        weights[n] = Math.floor(code / roles) + 1;
        roleOf[n] = code % roles;
        n++;
      }
    }
    return { n, doc: docs, para: paras, weight: weights, role: roleOf };
  }

  /** A filter value's documents, written as gaps or as a bitset ("~", six documents a letter),
   * as ascending document numbers. */
  function decodeDocs(encoded) {
    if (encoded[0] === "~") {
      const out = [];
      for (let k = 1; k < encoded.length; k++) {
        const bits = digit[encoded.charCodeAt(k)];
        for (let b = 0; b < 6; b++) if (bits & (1 << b)) out.push((k - 1) * 6 + b);
      }
      return Int32Array.from(out);
    }
    const r = reader(encoded);
    const out = [];
    let n = -1;
    while (r.more()) {
      n += r.next() + 1;
      out.push(n);
    }
    return Int32Array.from(out);
  }

  // ---- loading the index with <script> tags --------------------------------------------------

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
        reject(new Error(`could not load archive/search/${path}`));
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

  /** The manifest and the stemmer: everything a query needs first. */
  function ready() {
    return load("ready", "manifest.js", () => manifest || undefined)
      .then(() => load("stemmer", "stemmer.js", () => window.parleyStemmer || undefined))
      .then(() => {
        if (manifest.format !== 3) throw new Error("the search index has an unknown format");
        stopWords = new Set(manifest.stop);
        minLength = manifest.minLength;
        digit = new Int8Array(128).fill(-1);
        for (let i = 0; i < manifest.alphabet.length; i++) {
          digit[manifest.alphabet.charCodeAt(i)] = i;
        }
        return manifest;
      });
  }

  const loadShard = (n) => load(`shard ${n}`, `terms/${n}.js`, () => shards.get(n));
  const loadFacet = (name) => load(`facet ${name}`, `facets/${name}.js`, () => facetData.get(name));
  const loadWords = () => load("words", "words.js", () => wordList || undefined);

  function loadIds(k) {
    return load(`ids ${k}`, `ids/${k}.js`, () => idFiles.get(k));
  }

  /** The id of document number n. */
  async function idOf(n) {
    const per = manifest.idsPerFile;
    const ids = await loadIds(Math.floor(n / per));
    return ids[n % per];
  }

  function loadText(id, part) {
    const key = `${id}\n${part}`;
    const name = encodeURIComponent(id);
    const path = part === 0 ? `docs/${name}.js` : `docs/${name}/${part}.js`;
    return load(`text ${key}`, path, () => texts.get(key));
  }

  /** The address of a transcript page, relative to the current page. */
  function pageOf(id) {
    return site + manifest.page.replace("{id}", encodeURIComponent(id));
  }

  window.parleySearch = {
    // called by the index's scripts
    manifest(data) {
      manifest = data;
    },
    shard(n, data) {
      shards.set(n, data);
    },
    text(id, part, data) {
      texts.set(`${id}\n${part}`, data);
    },
    ids(k, data) {
      idFiles.set(k, data);
    },
    facet(name, data) {
      facetData.set(name, data);
    },
    words(data) {
      wordList = data;
    },
    // used by the other parts
    site,
    base,
    get index() {
      return manifest;
    },
    ready,
    fold,
    stem,
    term,
    tokens,
    spans,
    codePoints,
    decodeArrays,
    decodeDocs,
    loadShard,
    loadFacet,
    loadWords,
    loadText,
    idOf,
    pageOf,
    WORD,
  };
})();
