// Draws one of the guide's answers (the WebSocket's final "answer" message) for
// static/js/guide.js: its sentences with numbered source markers, the sources with the
// text each cites, pictures (a reconstruction only when approved, always labelled, with how
// it was made) and follow-up questions as buttons. Everything the server sends is put in
// the page as text (textContent), never as markup; links and pictures only on this site.
//
// Its own words come from guide.js (the panel's, in the page's language), with the English
// here as the fallback. The guide answers in English only for now: what it says (the
// sentences, the cited text, the follow-up questions) is marked lang="en", so that screen
// readers on a page in another language pronounce it as English.
(function () {
  "use strict";

  var ENGLISH = {
    the_guide: "The guide",
    not_in_records: "Not in the records",
    sources: "Sources",
    the_museum: "The museum",
    record: "record",
    source_label: "source {number}: {name}",
    cited_text: "Cited text",
    reconstruction: "AI reconstruction — not the original",
    reviewed: "Reviewed and approved by a curator.",
    how_made: "How this reconstruction was made",
    also_ask: "You could also ask",
    object_url: "/objects/__slug__/",
  };
  var SLUG_PLACEHOLDER = "__slug__";
  var words = ENGLISH; // set for each answer by renderAnswer

  function say(key) {
    var value = words && words[key];
    return typeof value === "string" && value ? value : ENGLISH[key];
  }

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return name in values ? String(values[name]) : whole;
    });
  }

  function english(node) {
    node.lang = "en";
    return node;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // Only links and pictures on this site: the server sends paths, and nothing else is shown.
  function sameOriginUrl(value) {
    if (typeof value !== "string" || !value) return null;
    try {
      var url = new URL(value, window.location.href);
      return url.origin === window.location.origin ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  // Provenance the figure already says (its label) or the page is (the object).
  var SHOWN_ELSEWHERE = ["label", "object"];

  // A provenance value in words: "Status: approved; Reviewed by: A. Curator".
  function valueWords(value) {
    if (value === null || value === undefined) return "";
    if (Array.isArray(value)) return value.map(valueWords).join(", ");
    if (typeof value === "object") {
      return Object.keys(value)
        .filter(function (key) { return valueWords(value[key]); })
        .map(function (key) { return nameWords(key) + ": " + valueWords(value[key]); })
        .join("; ");
    }
    return String(value);
  }

  function nameWords(name) {
    var text = String(name).replace(/_/g, " ").toLowerCase();
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function renderAnswer(message, ask, strings) {
    words = strings || ENGLISH;
    var sources = Array.isArray(message.sources) ? message.sources : [];
    var sentences = Array.isArray(message.sentences) ? message.sentences : [];
    var answer = el("div", "guide__answer" + (message.abstained ? " guide__answer--abstained" : ""));
    var who = el("p", "guide__who", say("the_guide"));
    if (message.abstained) {
      who.appendChild(document.createTextNode(" "));
      who.appendChild(el("span", "guide__tag", say("not_in_records")));
    }
    answer.appendChild(who);
    var notice = noticeOf(message, sentences);
    if (notice) answer.appendChild(english(el("p", "guide__notice", notice)));
    if (sentences.length) answer.appendChild(renderSentences(sentences, sources));
    var media = renderMedia(Array.isArray(message.media) ? message.media : []);
    if (media) answer.appendChild(media);
    if (sources.length) {
      answer.appendChild(el("h3", "guide__sources-heading", say("sources")));
      answer.appendChild(renderSources(sources));
    }
    var suggestions = Array.isArray(message.suggestions) ? message.suggestions : [];
    if (suggestions.length) answer.appendChild(renderSuggestions(suggestions, ask));
    return answer;
  }

  // The text of an abstention that is not one of the cited sentences ("The records do not
  // say…"): the answer's full text less its sentences.
  function noticeOf(message, sentences) {
    var text = typeof message.text === "string" ? message.text.trim() : "";
    var cited = sentences.map(function (s) { return s && s.text; }).join(" ").trim();
    if (!cited) return text;
    if (text.length > cited.length && text.slice(-cited.length) === cited) {
      return text.slice(0, text.length - cited.length).trim();
    }
    return "";
  }

  function renderSentences(sentences, sources) {
    var paragraph = english(el("p", "guide__text"));
    for (var i = 0; i < sentences.length; i++) {
      var sentence = sentences[i] || {};
      var span = el("span", "guide__sentence", sentence.text || "");
      var k = sentence.source;
      if (typeof k === "number" && sources[k]) span.appendChild(marker(k + 1, sources[k]));
      paragraph.appendChild(span);
      paragraph.appendChild(document.createTextNode(" "));
    }
    return paragraph;
  }

  function sourceName(source) {
    return String(source.title || source.object || say("the_museum")) + ", " + String(source.field || say("record"));
  }

  function marker(number, source) {
    var sup = el("sup");
    var url = sameOriginUrl(source.url);
    var link = el(url ? "a" : "span", "guide__marker", number);
    if (url) link.href = url;
    link.title = sourceName(source) + ": “" + String(source.span || "") + "”";
    link.setAttribute("aria-label", fill(say("source_label"), { number: number, name: sourceName(source) }));
    sup.appendChild(link);
    return sup;
  }

  function renderSources(sources) {
    var list = el("ol", "guide__sources");
    for (var i = 0; i < sources.length; i++) {
      var source = sources[i] || {};
      var item = el("li");
      var url = sameOriginUrl(source.url);
      var title = el(url ? "a" : "span", "", source.title || source.object || say("the_museum"));
      if (url) title.href = url;
      item.appendChild(title);
      item.appendChild(document.createTextNode(", "));
      item.appendChild(source.field ? english(el("span", "", source.field)) : el("span", "", say("record")));
      var details = el("details", "guide__cited");
      details.appendChild(el("summary", "", say("cited_text")));
      details.appendChild(english(el("blockquote", "", source.span || "")));
      item.appendChild(details);
      list.appendChild(item);
    }
    return list;
  }

  function renderMedia(media) {
    var box = el("div", "guide__media");
    for (var i = 0; i < media.length; i++) {
      var item = media[i] || {};
      var figure = null;
      if (item.kind === "reconstruction") figure = renderReconstruction(item);
      else if (item.kind === "image") figure = renderImage(item);
      if (figure) box.appendChild(figure);
    }
    return box.children.length ? box : null;
  }

  function picture(item) {
    var url = sameOriginUrl(item.url);
    if (!url) return null;
    var img = el("img");
    img.src = url;
    img.alt = typeof item.alt === "string" ? item.alt : "";
    if (img.alt) english(img); // the record's own words
    img.loading = "lazy";
    img.decoding = "async";
    return img;
  }

  function renderImage(item) {
    var img = picture(item);
    if (!img) return null;
    var figure = el("figure", "guide__figure");
    var page = item.object ? sameOriginUrl(say("object_url").replace(SLUG_PLACEHOLDER, encodeURIComponent(item.object))) : null;
    if (page) {
      var link = el("a");
      link.href = page;
      link.appendChild(img);
      figure.appendChild(link);
    } else {
      figure.appendChild(img);
    }
    return figure;
  }

  // A reconstruction is only ever shown approved, with its label and how it was made.
  function renderReconstruction(item) {
    if (item.review_state !== "approved") return null;
    var img = picture(item);
    if (!img) return null;
    var figure = el("figure", "guide__figure guide__figure--reconstruction");
    // The permanent label, in the page's language (the server sends the English one).
    figure.appendChild(el("p", "ai-label guide__ai-label", say("reconstruction")));
    figure.appendChild(img);
    var caption = el("figcaption");
    caption.appendChild(el("p", "guide__review", say("reviewed")));
    var details = el("details", "provenance");
    details.appendChild(el("summary", "", say("how_made")));
    var list = english(el("dl", "metadata"));
    var provenance = item.provenance && typeof item.provenance === "object" ? item.provenance : {};
    var names = Object.keys(provenance);
    for (var i = 0; i < names.length; i++) {
      var text = valueWords(provenance[names[i]]);
      if (SHOWN_ELSEWHERE.indexOf(names[i]) >= 0 || !text) continue;
      var row = el("div");
      row.appendChild(el("dt", "", nameWords(names[i])));
      row.appendChild(el("dd", "break-anywhere", text));
      list.appendChild(row);
    }
    details.appendChild(list);
    caption.appendChild(details);
    figure.appendChild(caption);
    return figure;
  }

  function renderSuggestions(suggestions, ask) {
    var box = el("div", "guide__follow-ups");
    box.appendChild(el("p", "guide__sources-heading", say("also_ask")));
    var list = english(el("ul", "guide__suggestions"));
    for (var i = 0; i < suggestions.length; i++) {
      if (typeof suggestions[i] !== "string") continue;
      var item = el("li");
      var button = el("button", "button guide__suggestion", suggestions[i]);
      button.type = "button";
      button.addEventListener("click", function (event) {
        ask(event.currentTarget.textContent);
      });
      item.appendChild(button);
      list.appendChild(item);
    }
    box.appendChild(list);
    return box;
  }

  window.VitrineGuideAnswer = { render: renderAnswer, el: el };
})();
