/*
 * Parley search, part 5 of 5: the search page. The query and the filters live in the address
 * (search.html?q=syria&from=2016&to=2016&country=IR&kind=news-conference), so a search can be
 * bookmarked and shared, and back and forward work. Parameters (also in the README):
 *   q          the words        from, to   years         source  transcript | news
 *   kind       kind of document            speaker       the main speaker
 *   country    alpha-2 code     countryas  counterpart | mentioned (default: either)
 *   topic      topic            said       who says the paragraph: main | question | other | text
 */
(() => {
  "use strict";

  const P = window.parleySearch;
  const PAGE = 10; // results shown at a time
  const DEBOUNCE = 150;
  const PARAMS = ["q", "from", "to", "source", "kind", "speaker", "country", "countryas", "topic", "said"];
  const SAID = {
    main: "The main speaker",
    question: "Questions",
    other: "Other speakers",
    text: "Report text, unattributed",
  };
  const FILTER_LABELS = {
    source: "Transcript or news report",
    kind: "Kind",
    speaker: "Main speaker",
    country: "Country",
    topic: "Topic",
    said: "Who says it",
  };

  const BATCH = 4; // documents checked at a time for a quoted phrase, best first
  const PHRASE_CHECKS = 40; // documents checked for a quoted phrase before "Show more"

  let els = {};
  let generation = 0;
  let current = null;
  let timer = 0;
  const filterLoads = new Map(); // filter -> its documents loaded and counted

  const readState = () => {
    const params = new URLSearchParams(window.location.search);
    return Object.fromEntries(PARAMS.map((p) => [p, params.get(p) || ""]));
  };

  function address(state) {
    const params = new URLSearchParams();
    for (const p of PARAMS) if (state[p]) params.set(p, state[p]);
    const text = params.toString();
    return `search.html${text ? `?${text}` : ""}`;
  }

  /** Show a search and put it in the address; P.pageReady settles when it is shown. */
  function go(state, push) {
    try {
      const url = address(state);
      if (push) window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    } catch {
      // some browsers refuse to change the address of a page opened from disk
    }
    P.pageReady = run(state);
    return P.pageReady;
  }

  const plural = (n, word) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

  function option(value, label, count, selected) {
    const o = document.createElement("option");
    o.value = value;
    o.textContent = count === null ? label : `${label} (${count.toLocaleString("en")})`;
    o.selected = selected;
    return o;
  }

  /** A labelled <select> of the filters, made once: later searches replace its options. */
  function select(name, label) {
    let control = document.getElementById(`parley-filter-${name}`);
    if (control) return control;
    control = document.createElement("select");
    control.name = name;
    control.id = `parley-filter-${name}`;
    const field = document.createElement("p");
    field.className = "parley-filter";
    const l = document.createElement("label");
    l.htmlFor = control.id;
    l.textContent = label;
    field.append(l, control);
    els.filters.append(field);
    return control;
  }

  /**
   * The filters with their counts for this query. A filter whose documents are not loaded yet
   * (they load when the reader turns to it: loadFilter) offers "Any" and the value chosen,
   * without counts.
   */
  function renderFilters(state, result) {
    const box = els.filters;
    const years = [...new Set(P.index.months.map(([m]) => m.slice(0, 4)).filter(Boolean))].sort();
    const yearCounts = result.counts.years;
    // what choosing a year would give: from it (up to "to"), or up to it (from "from")
    const within = (low, high) =>
      years.filter((y) => y >= low && y <= high).reduce((n, y) => n + (yearCounts.get(y) || 0), 0);
    for (const [name, label] of [["from", "From"], ["to", "To"]]) {
      const control = select(name, label);
      const choices = [option("", "Any year", null, !state[name])];
      for (const y of years) {
        const n = name === "from" ? within(y, state.to || "9999") : within(state.from || "0", y);
        choices.push(option(y, y, n, state[name] === y));
      }
      control.replaceChildren(...choices);
    }
    for (const facet of ["source", "kind", "speaker", "country", "topic", "said"]) {
      const control = select(facet, FILTER_LABELS[facet]);
      const counts = result.counts[facet];
      const choices = [option("", "Any", null, !state[facet])];
      if (facet !== "said" && !result.counted.has(facet)) {
        // not loaded: the value chosen (if any) as the address has it
        if (state[facet]) choices.push(option(state[facet], state[facet], null, true));
        control.dataset.pending = "";
      } else {
        delete control.dataset.pending;
        const labels = facet === "said" ? new Map(Object.entries(SAID)) : result.labels[facet];
        const values = facet === "said" ? Object.keys(SAID) : [...labels.keys()];
        const shown = values
          .filter((v) => counts.get(v) || v === state[facet])
          .sort((a, b) => (counts.get(b) || 0) - (counts.get(a) || 0) || labels.get(a).localeCompare(labels.get(b)));
        for (const v of shown) choices.push(option(v, labels.get(v), counts.get(v) || 0, state[facet] === v));
      }
      control.replaceChildren(...choices);
      control.disabled = facet === "said" && result.browse;
      if (facet === "country") {
        const as = select("countryas", "Country counts");
        as.replaceChildren(
          option("", "as counterpart or mentioned", null, !state.countryas),
          option("counterpart", "as counterpart", null, state.countryas === "counterpart"),
          option("mentioned", "mentioned", null, state.countryas === "mentioned"),
        );
      }
    }
    let clear = box.querySelector(".parley-filter__clear");
    if (!clear) {
      clear = document.createElement("a");
      clear.className = "parley-filter__clear";
      clear.textContent = "Clear filters";
      box.append(clear);
    }
    clear.href = address({ q: state.q });
    clear.hidden = !PARAMS.slice(1).some((p) => state[p]);
  }

  /**
   * The reader turns to a filter (points at, touches or tabs into its list): load that filter's
   * documents, once, and count the current search's results for each of its values. Each
   * filter's file grows with the archive, so none is loaded with the page.
   */
  function loadFilter(name) {
    if (!name || filterLoads.has(name)) return;
    const loading = P.ready()
      .then(() => P.loadFilters([name]))
      .then(async () => {
        const search = current;
        if (!search) return;
        const result = await P.run(query(search.state));
        if (search === current) renderFilters(search.state, result);
      });
    loading.catch((error) => {
      filterLoads.delete(name);
      report(error);
    });
    filterLoads.set(name, loading);
    P.filtersReady = Promise.all(filterLoads.values());
  }

  const SVG = "http://www.w3.org/2000/svg";

  /** The trend: matching paragraphs (or documents) per year, or per month in one year. */
  function renderTrend(state, result) {
    const box = els.trend;
    box.replaceChildren();
    const oneYear = state.from && state.from === state.to;
    let periods = [...result.trend.keys()].sort();
    if (!periods.length) return;
    if (oneYear) {
      periods = Array.from({ length: 12 }, (_, m) => `${state.from}-${String(m + 1).padStart(2, "0")}`);
    } else {
      const first = Number(periods[0]);
      const last = Number(periods[periods.length - 1]);
      periods = Array.from({ length: last - first + 1 }, (_, k) => String(first + k));
    }
    const unit = result.browse ? "document" : "matching paragraph";
    const what = `${unit}s per ${oneYear ? "month" : "year"}`;
    const heading = document.createElement("h2");
    heading.id = "parley-trend-heading";
    heading.className = "parley-trend__heading";
    heading.textContent = `Trend: ${what}`;
    const width = 640;
    const height = 120;
    const gap = 2;
    const barWidth = Math.min(36, Math.max(4, Math.floor(width / periods.length) - gap));
    const top = Math.max(...periods.map((p) => result.trend.get(p) || 0), 1);
    const svg = document.createElementNS(SVG, "svg");
    const drawn = periods.length * (barWidth + gap);
    svg.setAttribute("viewBox", `0 0 ${drawn} ${height + 16}`);
    svg.setAttribute("width", String(drawn));
    svg.setAttribute("height", String(height + 16));
    svg.setAttribute("class", "parley-trend__chart");
    svg.setAttribute("role", "group");
    svg.setAttribute("aria-labelledby", "parley-trend-heading");
    periods.forEach((p, k) => {
      const n = result.trend.get(p) || 0;
      const h = Math.round((n / top) * (height - 4));
      const label = `${p}: ${plural(n, unit)}`;
      const rect = document.createElementNS(SVG, "rect");
      rect.setAttribute("x", String(k * (barWidth + gap)));
      rect.setAttribute("y", String(height - h));
      rect.setAttribute("width", String(barWidth));
      rect.setAttribute("height", String(Math.max(h, n ? 1 : 0)));
      const title = document.createElementNS(SVG, "title");
      title.textContent = label;
      rect.append(title);
      let bar = rect;
      if (!oneYear && n) {
        bar = document.createElementNS(SVG, "a");
        bar.setAttribute("href", address({ ...state, from: p, to: p }));
        bar.setAttribute("aria-label", `${label}; show only ${p}`);
        bar.setAttribute("class", "parley-trend__year");
        bar.dataset.year = p;
        bar.append(rect);
      }
      const inRange = (!state.from || p.slice(0, 4) >= state.from) && (!state.to || p.slice(0, 4) <= state.to);
      rect.setAttribute("class", inRange ? "parley-trend__bar" : "parley-trend__bar parley-trend__bar--out");
      svg.append(bar);
      if (periods.length <= 24 || k % Math.ceil(periods.length / 12) === 0) {
        const text = document.createElementNS(SVG, "text");
        text.setAttribute("x", String(k * (barWidth + gap) + barWidth / 2));
        text.setAttribute("y", String(height + 12));
        text.setAttribute("text-anchor", "middle");
        text.setAttribute("class", "parley-trend__label");
        text.setAttribute("aria-hidden", "true");
        text.textContent = oneYear ? p.slice(5) : p.slice(2);
        svg.append(text);
      }
    });
    const details = document.createElement("details");
    details.className = "parley-trend__table";
    const summary = document.createElement("summary");
    summary.textContent = "The trend as a table";
    const table = document.createElement("table");
    const head = table.createTHead().insertRow();
    for (const h of [oneYear ? "Month" : "Year", `${unit[0].toUpperCase()}${unit.slice(1)}s`]) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = h;
      head.append(th);
    }
    const body = table.createTBody();
    for (const p of periods) {
      const row = body.insertRow();
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = p;
      row.append(th);
      row.insertCell().textContent = String(result.trend.get(p) || 0);
    }
    details.append(summary, table);
    box.append(heading, svg, details);
  }

  function summary(state, result, search) {
    const q = state.q.trim();
    const n = result.results.length;
    if (result.browse) return `${plural(n, "document")}${n ? ", newest first" : ""}.`;
    const quoted = `“${q}”`;
    if (!n) return `No results for ${quoted}.`;
    if (result.parsed.strict) {
      const candidates = `${plural(n, "transcript")} ${n === 1 ? "has" : "have"} its words in one paragraph`;
      if (search.cursor >= n) {
        return search.found
          ? `${plural(search.found, "result")} for ${quoted}.`
          : `No results for ${quoted}: ${candidates}, but not as a phrase.`;
      }
      if (search.checking) {
        return search.found
          ? `At least ${plural(search.found, "result")} for ${quoted} so far; checking ${plural(n - search.cursor, "more transcript")} (${candidates}).`
          : `Checking ${plural(n, "transcript")} for the phrase: ${n === 1 ? "it has" : "they have"} its words in one paragraph.`;
      }
      return `At least ${plural(search.found, "result")} for ${quoted} (${candidates}).`;
    }
    if (!result.complete) {
      return `No transcript contains all the words of ${quoted}; ${plural(n, "transcript")} contain some of them.`;
    }
    return `${plural(n, "result")} for ${quoted}.`;
  }

  /**
   * The next page of results, each shown as soon as it and those ranked before it are loaded.
   * A quoted phrase is checked in the text, the best documents first, BATCH at a time: a
   * document found to hold it is shown at once, and the status says how far the checking has
   * got, until a page is full or PHRASE_CHECKS documents are checked ("Show more results" goes
   * on from there).
   */
  async function showMore(search, focusFirst) {
    els.more.hidden = true;
    els.list.setAttribute("aria-busy", "true");
    const all = search.result.results;
    const strict = search.result.parsed.strict;
    let added = 0;
    let checked = 0;
    let first = null;
    search.checking = strict;
    if (strict) els.status.textContent = summary(search.state, search.result, search);
    while (added < PAGE && search.cursor < all.length) {
      const batch = all.slice(search.cursor, search.cursor + (strict ? BATCH : PAGE - added));
      const pending = batch.map((d) => P.prepare(d, search.ctx));
      pending.forEach((promise) => promise.catch(() => {}));
      for (const promise of pending) {
        if (added >= PAGE) break; // the rest are shown by "Show more results"
        const r = await promise;
        if (search !== current) return;
        search.cursor++;
        checked++;
        if (strict && !r.phrase) continue;
        const item = P.resultItem(r, search.ctx);
        els.list.append(item);
        first = first || item;
        added++;
        search.found++;
        if (strict || added === 1) els.status.textContent = summary(search.state, search.result, search);
      }
      if (!strict || checked >= PHRASE_CHECKS) break;
      if (added < PAGE && search.cursor < all.length) els.status.textContent = summary(search.state, search.result, search);
    }
    search.checking = false;
    els.list.removeAttribute("aria-busy");
    els.more.hidden = search.cursor >= all.length;
    els.status.textContent = summary(search.state, search.result, search);
    if (focusFirst && first) first.querySelector("a").focus();
  }

  async function note(state, result) {
    els.note.replaceChildren();
    if (result.browse || result.results.length && result.complete) return;
    const scripts = P.foreignScripts(result.parsed);
    if (scripts.length) {
      els.note.textContent = `The archive holds no text in ${scripts.join(" or ")} script: search for words as the transcripts write them, in ${P.index.scripts.join(", ")} script.`;
      return;
    }
    const better = await P.suggest(result);
    if (!better || current.state !== state) return;
    const a = document.createElement("a");
    a.href = address({ ...state, q: better });
    a.textContent = better;
    a.addEventListener("click", (event) => {
      event.preventDefault();
      els.input.value = better;
      go({ ...state, q: better }, true).catch(report);
    });
    els.note.append("Did you mean ", a, "?");
  }

  /** What the engine is asked for a state of the page. */
  const query = (state) => ({
    query: state.q,
    from: state.from,
    to: state.to,
    source: state.source,
    kind: state.kind,
    speaker: state.speaker,
    country: state.country,
    countryAs: state.countryas,
    topic: state.topic,
    said: state.said,
  });

  async function run(state) {
    const mine = ++generation;
    await P.ready();
    const result = await P.run(query(state));
    if (mine !== generation) return;
    const terms = P.markTerms(result);
    const termSets = result.parsed.slots.map((slot, i) => {
      const set = new Set(slot.typed);
      for (const alt of result.terms[i] || []) set.add(alt.term);
      if (slot.entity >= 0) for (const t of P.index.synonyms.entities[slot.entity][2]) set.add(t);
      return set;
    });
    const phraseMasks = result.parsed.phrases.map((seq) => seq.reduce((m, slot) => m | (1 << slot), 0));
    const ctx = { terms, termSets, phrases: result.parsed.phrases, phraseMasks, highlight: [...terms].join(" ") };
    const search = { state, result, ctx, cursor: 0, found: 0, checking: false };
    current = search;
    renderFilters(state, result);
    renderTrend(state, result);
    els.list.replaceChildren();
    if (result.browse && !PARAMS.slice(1).some((p) => state[p])) {
      // nothing asked yet: the counts and the trend, but no list (it would load 10 texts)
      els.more.hidden = true;
      const n = result.results.length;
      els.status.textContent = `${plural(n, "document")} in the archive: type words, or choose a filter to list them.`;
      return;
    }
    await showMore(search, false);
    await note(state, result);
  }

  function report(error) {
    els.status.textContent = `Search is not available: ${error.message}.`;
  }

  function start() {
    const form = document.getElementById("parley-search");
    if (!form) return;
    els = {
      form,
      input: form.querySelector("input[name=q]"),
      filters: document.getElementById("parley-search-filters"),
      trend: document.getElementById("parley-search-trend"),
      status: document.getElementById("parley-search-status"),
      note: document.getElementById("parley-search-note"),
      list: document.getElementById("parley-search-results"),
      more: document.getElementById("parley-search-more"),
    };
    const state = () => ({ ...(current ? current.state : readState()), q: els.input.value });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      window.clearTimeout(timer);
      go(state(), true).catch(report);
    });
    els.input.addEventListener("input", () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => go(state(), false).catch(report), DEBOUNCE);
    });
    els.filters.addEventListener("change", (event) => {
      const name = event.target.name;
      if (!name) return;
      go({ ...state(), [name]: event.target.value }, true).catch(report);
    });
    els.trend.addEventListener("click", (event) => {
      const bar = event.target.closest("a.parley-trend__year");
      if (!bar) return;
      event.preventDefault();
      const year = bar.dataset.year;
      go({ ...state(), from: year, to: year }, true).catch(report);
    });
    els.more.addEventListener("click", () => current && showMore(current, true).catch(report));
    // a filter's documents load when the reader turns to it, not with the page
    for (const type of ["pointerover", "pointerdown", "focusin"]) {
      els.filters.addEventListener(type, (event) => {
        const control = event.target.closest && event.target.closest("select[data-pending]");
        if (control) loadFilter(control.name);
      });
    }
    document.addEventListener("keydown", (event) => {
      const links = Array.from(els.list.querySelectorAll("a.parley-result__title"));
      const at = links.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && (event.target === els.input || at >= 0)) {
        if (at + 1 < links.length) links[at + 1].focus();
        event.preventDefault();
      } else if (event.key === "ArrowUp" && at >= 0) {
        (at > 0 ? links[at - 1] : els.input).focus();
        event.preventDefault();
      }
    });
    window.addEventListener("popstate", () => {
      const s = readState();
      els.input.value = s.q;
      P.pageReady = run(s);
      P.pageReady.catch(report);
    });
    const first = readState();
    els.input.value = first.q;
    P.pageReady = run(first);
    P.pageReady.catch(report);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
