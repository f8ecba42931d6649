/*
 * Parley search, part 4 of 5: the search box in every page's header, answering as you type
 * (the best few transcripts) and opening the search page on Enter; and, on a page opened from a
 * result (…page.html?h=words#p12), the searched words marked in the text.
 * The header box searches the whole archive on every page, the search page included: the search
 * page's filters belong to that page's own box (README, Search).
 */
(() => {
  "use strict";

  const P = window.parleySearch;
  const QUICK = 5; // results shown under the header box
  const DEBOUNCE = 150; // milliseconds after the last key before searching

  function searchPage(query) {
    return `${P.site}search.html?q=${encodeURIComponent(query)}`;
  }

  function startHeader() {
    const form = document.getElementById("parley-header-search");
    if (!form) return;
    const input = form.querySelector("input[name=q]");
    const output = document.getElementById("parley-header-output");
    const list = document.getElementById("parley-header-results");
    let generation = 0;
    let timer = 0;
    const toggle = document.getElementById("parley-header-toggle");
    const close = () => {
      output.hidden = true;
    };
    // on a narrow screen the box is folded into the magnifier button (search.css): the button
    // opens it over the header; Escape or a click elsewhere folds it again
    const fold = () => {
      form.classList.remove("parley-header-search--open");
      if (toggle) toggle.setAttribute("aria-expanded", "false");
    };
    if (toggle) {
      // a link to the search page without JavaScript; with it, a button opening the box
      toggle.setAttribute("role", "button");
      toggle.setAttribute("aria-controls", form.id);
      toggle.setAttribute("aria-expanded", "false");
      toggle.addEventListener("keydown", (event) => {
        if (event.key === " ") {
          event.preventDefault();
          toggle.click();
        }
      });
      toggle.addEventListener("click", (event) => {
        event.preventDefault();
        form.classList.add("parley-header-search--open");
        toggle.setAttribute("aria-expanded", "true");
        input.focus();
      });
    }
    const show = (items) => {
      list.replaceChildren(...items);
      output.hidden = false;
    };
    const line = (text, href, className) => {
      const li = document.createElement("li");
      li.className = `md-search-result__item ${className || ""}`;
      const a = document.createElement("a");
      a.className = "md-search-result__link";
      a.href = href;
      if (typeof text === "string") a.textContent = text;
      else a.append(text);
      li.append(a);
      return li;
    };
    async function quick() {
      const mine = ++generation;
      const query = input.value.trim();
      if (!query) return close();
      try {
        await P.ready();
        const result = await P.run({ query, quick: true });
        if (mine !== generation) return;
        const terms = P.markTerms(result);
        const ctx = { terms, phrases: [], termSets: [], highlight: [...terms].join(" ") };
        const shown = await Promise.all(result.results.slice(0, QUICK).map((d) => P.prepare(d, ctx)));
        if (mine !== generation) return;
        const items = shown.map((r) => {
          const text = document.createDocumentFragment();
          const title = document.createElement("span");
          title.className = "parley-header__title";
          title.append(P.marked(r.head.h || r.head.t, terms, null));
          if (r.head.h) title.title = r.head.t;
          const date = document.createElement("span");
          date.className = "parley-header__date";
          date.textContent = [r.head.d, r.head.k].filter(Boolean).join(" · ");
          text.append(title, date);
          const a = r.first ? r.first.para : 0;
          const href = P.pageOf(r.id) + `?h=${encodeURIComponent(ctx.highlight)}` + (a ? `#p${a}` : "");
          return line(text, href, "");
        });
        const n = result.results.length;
        const all = n
          ? `All ${n.toLocaleString("en")} result${n === 1 ? "" : "s"} for “${query}”`
          : `No results for “${query}”: open the search page`;
        items.push(line(all, searchPage(query), "parley-header__all"));
        show(items);
      } catch (error) {
        show([line(`Search is not available: ${error.message}.`, searchPage(query), "")]);
      }
    }
    input.addEventListener("input", () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(quick, DEBOUNCE);
    });
    input.addEventListener("focus", () => P.ready().catch(() => {}));
    form.addEventListener("keydown", (event) => {
      const links = Array.from(list.querySelectorAll("a"));
      const at = links.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && !output.hidden) {
        if (at + 1 < links.length) links[at + 1].focus();
        event.preventDefault();
      } else if (event.key === "ArrowUp" && at >= 0) {
        (at > 0 ? links[at - 1] : input).focus();
        event.preventDefault();
      } else if (event.key === "Escape") {
        close();
        if (form.classList.contains("parley-header-search--open")) {
          fold();
          toggle.focus();
        } else {
          input.focus();
        }
      }
    });
    document.addEventListener("click", (event) => {
      if (form.contains(event.target) || (toggle && toggle.contains(event.target))) return;
      close();
      fold();
    });
    const query = new URLSearchParams(window.location.search).get("q");
    if (query && document.getElementById("parley-search")) input.value = query;
  }

  /** Mark the words of ?h= (index terms) in the page's text. */
  async function highlight() {
    const wanted = new URLSearchParams(window.location.search).get("h");
    const root = document.querySelector(".md-content article") || document.querySelector("article");
    if (!wanted || !root) return;
    await P.ready();
    const terms = new Set(wanted.split(/\s+/).filter(Boolean));
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.parentElement.closest("script, style, mark, .headerlink")
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    });
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    for (const node of nodes) {
      const hits = P.spans(node.data).filter((s) => terms.has(s.term));
      if (!hits.length) continue;
      const fragment = document.createDocumentFragment();
      let at = 0;
      for (const s of hits) {
        fragment.append(node.data.slice(at, s.start));
        const mark = document.createElement("mark");
        mark.className = "parley-hit";
        mark.textContent = node.data.slice(s.start, s.end);
        fragment.append(mark);
        at = s.end;
      }
      fragment.append(node.data.slice(at));
      node.replaceWith(fragment);
    }
  }

  function start() {
    startHeader();
    P.highlighted = highlight();
    P.highlighted.catch(() => {});
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
