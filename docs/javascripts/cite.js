/*
 * Transcript pages: a "cite" panel under a paragraph when its ¶ is followed, and annotations
 * that can be hidden and shown, all at once or one at a time, with the choice remembered.
 *
 * A classic script (it works from disk, file://, as well as online) that reads only the page:
 * the document's citation data are the data-cite-* attributes of <div class="transcript">
 * written by parley/render/citation.py. Nothing is fetched; text reaches the page as text.
 * Without JavaScript the ¶ is a plain permalink and every note stays open.
 */
(() => {
  "use strict";

  const NOTES_KEY = "parley.notes.hidden"; // "1": every annotation hidden
  const NOTE_KEY = "parley.note."; // + document id + "#" + note id: "1" hidden, "0" shown
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];

  /** localStorage, or nothing where the browser refuses it (private windows, some file:// setups). */
  const store = {
    get(key) {
      try { return window.localStorage.getItem(key); } catch (e) { return null; }
    },
    set(key, value) {
      try { window.localStorage.setItem(key, value); } catch (e) { /* not remembered */ }
    },
  };

  function element(tag, attributes, text) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /**
   * The page's address without its fragment: the published one when the build knew it, else
   * where the page is read online. A page opened from disk with no published address has none
   * worth citing (a path on the reader's own computer): "" then, and the document id stands in.
   */
  function pageAddress(data) {
    if (data.page) return data.page;
    if (window.location.protocol === "file:") return "";
    return window.location.href.split("#")[0];
  }

  function today() {
    const now = new Date();
    return `${now.getDate()} ${MONTHS[now.getMonth()]} ${now.getFullYear()}`;
  }

  /** Who says the paragraph: its turn's label, else the document's main speaker. */
  function speakerOf(paragraph, data) {
    const label = paragraph.closest(".turn")?.querySelector(".turn-label .turn-anchor");
    const text = label ? label.textContent.trim() : "";
    return text && text !== "Opening remarks" && text !== "Article" ? text : data.speaker;
  }

  /** The citation of one paragraph, as text: who, what, where, when, which ¶, where to find it. */
  function citationText(paragraph, number, data) {
    const address = pageAddress(data);
    const head = [speakerOf(paragraph, data), `“${data.title}”`, data.place, data.date]
      .filter(Boolean).join(", ");
    const where = address ? `${address}#p${number}` : `document ${data.id}`;
    let text = `${head}, ¶ ${number}. ${data.site}, ${where}`;
    if (data.original) text += ` (original: ${data.original})`;
    return `${text}. Accessed ${today()}.`;
  }

  async function copy(text) {
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(text);
        return true;
      }
    } catch (e) { /* fall back below */ }
    const area = element("textarea", { "aria-hidden": "true", class: "cite-copy-area" });
    area.value = text;
    document.body.appendChild(area);
    area.select();
    let done = false;
    try { done = document.execCommand("copy"); } catch (e) { done = false; }
    area.remove();
    return done;
  }

  let openPanel = null;

  function closePanel(returnFocus) {
    if (!openPanel) return;
    const { panel, opener } = openPanel;
    panel.remove();
    openPanel = null;
    if (returnFocus && opener) opener.focus();
  }

  function openCitePanel(paragraph, permalink, data) {
    closePanel(false);
    const number = paragraph.id.replace(/^p/, "");
    const citation = citationText(paragraph, number, data);
    const address = pageAddress(data);
    const panel = element("div", {
      class: "cite-panel",
      role: "group",
      "aria-label": `Cite paragraph ${number}`,
      id: `cite-p${number}`,
    });
    panel.appendChild(element("p", { class: "cite-panel__title" }, `Cite ¶ ${number}`));
    panel.appendChild(element("p", { class: "cite-panel__text" }, citation));
    const status = element("span", { class: "cite-panel__status", role: "status" });
    const row = element("p", { class: "cite-panel__actions" });
    const copies = [["Copy citation", citation]];
    if (address) copies.push(["Copy link", `${address}#p${number}`]);
    const buttons = copies.map(([label, text]) => {
      const button = element("button", { type: "button", class: "parley-button cite-panel__copy" }, label);
      button.addEventListener("click", async () => {
        status.textContent = (await copy(text)) ? `${label.replace("Copy ", "")} copied` :
          "Select the text and copy it";
      });
      return button;
    });
    const close = element("button", { type: "button", class: "parley-button cite-panel__close" }, "Close");
    close.addEventListener("click", () => closePanel(true));
    for (const button of [...buttons, close]) row.appendChild(button);
    row.appendChild(status);
    panel.appendChild(row);
    const files = document.querySelectorAll(".doc-meta a.cite-bib, .doc-meta a.cite-json");
    if (files.length) {
      const more = element("p", { class: "cite-panel__files" }, "The whole document: ");
      files.forEach((file, i) => {
        if (i) more.appendChild(document.createTextNode(" · "));
        more.appendChild(element("a", { href: file.getAttribute("href") }, file.textContent));
      });
      panel.appendChild(more);
    }
    panel.addEventListener("keydown", (event) => {
      if (event.key === "Escape") closePanel(true);
    });
    paragraph.after(panel);
    permalink.setAttribute("aria-expanded", "true");
    openPanel = { panel, opener: permalink };
    // After the ¶'s own navigation to the paragraph, which would take the focus back.
    window.setTimeout(() => buttons[0].focus({ preventScroll: true }), 0);
  }

  function setUpCitations(transcript) {
    const data = {};
    for (const name of ["title", "speaker", "place", "date", "site", "page", "original", "id"]) {
      data[name] = transcript.getAttribute(`data-cite-${name}`) || "";
    }
    transcript.querySelectorAll(".para > a.permalink").forEach((permalink) => {
      permalink.setAttribute("aria-expanded", "false");
      permalink.setAttribute("aria-haspopup", "true");
    });
    transcript.addEventListener("click", (event) => {
      const permalink = event.target.closest("a.permalink");
      if (!permalink || !transcript.contains(permalink)) return;
      const paragraph = permalink.closest(".para");
      if (!paragraph) return;
      if (openPanel && openPanel.opener === permalink) {
        // A second click on the same ¶ closes its panel (the link still goes to the paragraph).
        permalink.setAttribute("aria-expanded", "false");
        closePanel(false);
        return;
      }
      transcript.querySelectorAll("a.permalink[aria-expanded='true']")
        .forEach((other) => other.setAttribute("aria-expanded", "false"));
      openCitePanel(paragraph, permalink, data);
    });
    // The printed archive address, when the build did not know the site's address: where the
    // page is read online, or the document id when it is read from disk.
    document.querySelectorAll(".cite-here").forEach((here) => {
      if (!here.textContent.trim()) here.textContent = pageAddress(data) || `document ${data.id}`;
    });
  }

  // ---- annotations: hide and show, all or one, remembered -------------------------------------

  function setUpNotes(transcript) {
    const notes = [...document.querySelectorAll("aside.note")];
    if (!notes.length) return;
    const docId = window.location.pathname.split("/").pop().replace(/\.html$/, "");
    const keyOf = (note) => `${NOTE_KEY}${docId}#${note.id}`;

    function show(note, visible) {
      note.classList.toggle("note--hidden", !visible);
      const button = note.querySelector(".note-toggle");
      button.setAttribute("aria-expanded", String(visible));
      button.textContent = visible ? "Hide" : "Show";
    }

    notes.forEach((note, i) => {
      const body = [...note.children].filter((child) => !child.classList.contains("note-meta"));
      const wrapper = element("div", { class: "note-content", id: `${note.id || `note-${i}`}-content` });
      body.forEach((child) => wrapper.appendChild(child));
      note.appendChild(wrapper);
      const button = element("button", {
        type: "button",
        class: "parley-button note-toggle",
        "aria-controls": wrapper.id,
        "aria-expanded": "true",
      }, "Hide");
      button.addEventListener("click", () => {
        const visible = note.classList.contains("note--hidden");
        show(note, visible);
        store.set(keyOf(note), visible ? "0" : "1");
      });
      note.querySelector(".note-meta")?.appendChild(button);
    });

    const all = element("button", { type: "button", class: "parley-button notes-toggle", "aria-pressed": "false" });
    const bar = element("p", { class: "notes-bar" });
    bar.appendChild(all);
    transcript.before(bar);

    function showAll(visible, remember) {
      all.setAttribute("aria-pressed", String(!visible));
      all.textContent = visible ? `Hide all ${notes.length} annotations` : `Show all ${notes.length} annotations`;
      document.body.classList.toggle("notes-hidden", !visible);
      notes.forEach((note) => {
        const own = store.get(keyOf(note));
        show(note, remember && own !== null ? own === "0" : visible);
      });
    }

    all.addEventListener("click", () => {
      const visible = all.getAttribute("aria-pressed") === "true";
      store.set(NOTES_KEY, visible ? "0" : "1");
      notes.forEach((note) => store.set(keyOf(note), visible ? "0" : "1"));
      showAll(visible, false);
    });
    showAll(store.get(NOTES_KEY) !== "1", true);

    // Following a link to a note (a highlight's link, #note-…) shows it even when hidden.
    const reveal = () => {
      const target = window.location.hash && document.getElementById(window.location.hash.slice(1));
      const note = target && target.closest && target.closest("aside.note");
      if (note && note.classList.contains("note--hidden")) show(note, true);
    };
    window.addEventListener("hashchange", reveal);
    reveal();
  }

  function start() {
    const transcript = document.querySelector(".transcript[data-cite-title]");
    if (!transcript) return;
    setUpCitations(transcript);
    setUpNotes(transcript);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
