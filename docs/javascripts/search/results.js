/*
 * Parley search, part 3 of 5: results as HTML. A result shows the document (its short title,
 * the full one on hover; date, kind, counterparts, place), its best paragraph with who says it, and its other matching paragraphs
 * behind "N more". Text from the index reaches the page only as text nodes and <mark>s.
 */
(() => {
  "use strict";

  const P = window.parleySearch;
  const SNIPPET = 280; // characters of a paragraph shown
  const PHRASE_PARAGRAPHS = 5; // paragraphs holding a phrase's words read per document to find it

  /** Text with the given terms marked (and a phrase range): text nodes and <mark>s only. */
  function marked(text, terms, phrase) {
    const fragment = document.createDocumentFragment();
    const ranges = [];
    for (const s of P.spans(text)) if (terms.has(s.term)) ranges.push([s.start, s.end]);
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
  function excerpt(text, terms, phrase) {
    if (text.length <= SNIPPET) return { text, phrase };
    let first = phrase ? phrase.start : -1;
    if (first < 0) {
      const hit = P.spans(text).find((s) => terms.has(s.term));
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

  /** Where a phrase (slot sequence) occurs in a paragraph's spans: [first, last] or null. */
  function findPhrase(found, phrase, termSets) {
    for (let i = 0; i + phrase.length <= found.length; i++) {
      let k = 0;
      while (k < phrase.length && termSets[phrase[k]].has(found[i + k].term)) k++;
      if (k === phrase.length) return [i, i + k - 1];
    }
    return null;
  }

  /** The text parts holding some paragraphs of a document, by part number. */
  async function parts(id, paras) {
    const size = P.index.part;
    const wanted = [...new Set(paras.map((p) => Math.max(0, Math.floor((p - 1) / size))))];
    if (!wanted.includes(0)) wanted.unshift(0);
    const loaded = await Promise.allSettled(wanted.map((k) => P.loadText(id, k)));
    const byPart = new Map();
    wanted.forEach((k, i) => {
      if (loaded[i].status === "fulfilled") byPart.set(k, loaded[i].value);
    });
    return byPart;
  }

  function paragraphOf(byPart, para) {
    const data = byPart.get(Math.floor((para - 1) / P.index.part));
    if (!data || para < data.f || para - data.f >= data.p.length) return null;
    const code = data.s[para - data.f];
    const roles = P.index.roles.length;
    const who = Math.floor(code / roles) - 1;
    return { para, text: data.p[para - data.f], role: P.index.roles[code % roles], who: who >= 0 ? (byPart.get(0) || data).n[who] : "" };
  }

  /**
   * Load what a result shows; put first the paragraph with an exact phrase, if any. Only the
   * paragraphs holding every word of a phrase (`ctx.phraseMasks`, slot masks) can hold it: up to
   * PHRASE_PARAGRAPHS of them are read, best first, those in the parts already loaded (the
   * document's head and its first paragraph) first, then a part at a time until the phrase is
   * found; nothing else of the document is loaded.
   */
  async function prepare(d, ctx) {
    const id = await P.idOf(d.doc);
    const paras = d.paras;
    let order = paras.map((p) => p.para);
    const masks = ctx.phraseMasks || [];
    const candidates = masks.length ? paras.filter((p) => masks.some((m) => (p.mask & m) === m)).map((p) => p.para).slice(0, PHRASE_PARAGRAPHS) : [];
    const byPart = await parts(id, order.slice(0, 1));
    const head = byPart.get(0) || { t: id, d: "", k: "", w: "", c: "", n: [] };
    let phrase = null;
    // those in the parts loaded first, then part by part: most documents need no other part
    const partOf = (para) => Math.max(0, Math.floor((para - 1) / P.index.part));
    candidates.sort((a, b) => byPart.has(partOf(b)) - byPart.has(partOf(a)));
    for (const para of candidates) {
      if (!byPart.has(partOf(para))) {
        try {
          byPart.set(partOf(para), await P.loadText(id, partOf(para)));
        } catch {
          continue;
        }
      }
      const p = paragraphOf(byPart, para);
      if (!p) continue;
      const found = P.spans(p.text);
      for (const sequence of ctx.phrases) {
        const at = findPhrase(found, sequence, ctx.termSets);
        if (at) {
          phrase = { para, start: found[at[0]].start, end: found[at[1]].end };
          break;
        }
      }
      if (phrase) break;
    }
    if (phrase) order = [phrase.para, ...order.filter((p) => p !== phrase.para)];
    return { id, doc: d.doc, head, order, byPart, first: order.length ? paragraphOf(byPart, order[0]) : null, phrase };
  }

  /** Who says a paragraph, as shown: "Sergey Lavrov", "Question", "Report". */
  function speakerLine(p, news) {
    if (p.role === "question") return p.who ? `Question (${p.who})` : "Question";
    if (p.who) return p.who;
    return news ? "Report" : "";
  }

  function link(r, para, ctx) {
    const mark = ctx.highlight ? `?h=${encodeURIComponent(ctx.highlight)}` : "";
    return P.pageOf(r.id) + mark + (para ? `#p${para}` : "");
  }

  /** One paragraph of a result: who says it, then the text around the words. */
  function paragraphBlock(r, p, ctx, phrase) {
    const box = document.createElement("div");
    box.className = `parley-result__para parley-result__para--${p.role}`;
    const who = document.createElement("p");
    who.className = "parley-result__who";
    const a = document.createElement("a");
    a.href = link(r, p.para, ctx);
    a.textContent = `¶ ${p.para}`;
    const label = speakerLine(p, r.head.k === "News report");
    who.append(a, label ? ` · ${label}` : "");
    const cut = excerpt(p.text, ctx.terms, phrase);
    const snippet = document.createElement("p");
    snippet.className = "parley-result__snippet";
    snippet.append(marked(cut.text, ctx.terms, cut.phrase));
    box.append(who, snippet);
    return box;
  }

  function item(r, ctx) {
    const li = document.createElement("li");
    li.className = "parley-result";
    const title = document.createElement("h2");
    const a = document.createElement("a");
    a.className = "parley-result__title";
    a.href = link(r, r.first ? r.first.para : 0, ctx);
    // a long official title is shown short (who met whom, where, when), in full on hover
    a.append(marked(r.head.h || r.head.t, ctx.terms, null));
    if (r.head.h) a.title = r.head.t;
    title.append(a);
    const meta = document.createElement("p");
    meta.className = "parley-result__meta";
    if (r.head.k === "News report") {
      const badge = document.createElement("span");
      badge.className = "parley-result__news";
      badge.textContent = "News report";
      meta.append(badge, " · ");
    }
    const kind = r.head.k === "News report" ? "" : r.head.k.charAt(0).toUpperCase() + r.head.k.slice(1);
    const details = [r.head.d, kind, r.head.c && `with ${r.head.c}`, r.head.w];
    meta.append(marked(details.filter(Boolean).join(" · "), ctx.terms, null));
    li.append(title, meta);
    if (r.first) {
      const phrase = r.phrase && r.phrase.para === r.first.para ? r.phrase : null;
      li.append(paragraphBlock(r, r.first, ctx, phrase));
    }
    const rest = r.order.slice(1);
    if (rest.length) {
      const more = document.createElement("details");
      more.className = "parley-result__more";
      const summary = document.createElement("summary");
      summary.textContent = `${rest.length} more matching paragraph${rest.length === 1 ? "" : "s"}`;
      more.append(summary);
      more.addEventListener("toggle", async () => {
        if (!more.open || more.dataset.loaded) return;
        more.dataset.loaded = "1";
        const byPart = await parts(r.id, rest);
        for (const para of rest) {
          const p = paragraphOf(byPart, para);
          if (p) more.append(paragraphBlock(r, p, ctx, null));
        }
      });
      li.append(more);
    }
    return li;
  }

  Object.assign(P, { marked, prepare, resultItem: item });
})();
