// "Ask the guide" (templates/guide/panel.html): asks over the WebSocket /ws/guide/ and shows
// each answer with its numbered sources, its pictures and follow-up questions.
//
// The panel is the same HTML for every visitor (the object page is cached); the conversation
// lives here and on the server's end of the socket. Without JavaScript (or without
// WebSockets) the panel's form asks on the guide's own page instead.
//
// Screen readers: the log is a polite live region, and an answer is added to it once, when
// it is final. While it streams, its sentences are drawn in a draft that is aria-hidden.
// Everything the server sends is put in the page as text (textContent), never as markup.
//
// Words: the panel carries them in the page's language (a JSON script element, from
// guide/templatetags/guide_text.py); the English here is the fallback. The guide itself
// answers in English only, so what it says is marked lang="en" (see guide-answer.js).
(function () {
  "use strict";
  if (!window.WebSocket || !window.JSON || !window.VitrineGuideAnswer) return;

  var BASE_DELAY_MS = 1000;
  var MAX_DELAY_MS = 30000;
  var GIVE_UP_WAITING_MS = 15000; // then offer the guide's own page for a waiting question
  var MAX_EXCHANGES = 40; // older ones leave the log
  var MAX_CONTEXT_OBJECTS = 50;
  var IDLE_CLOSE_CODE = 4008;
  var ENGLISH = {
    empty: "Type a question for the guide first.",
    offline: "You are offline. The guide reconnects when you are back.",
    connecting: "Connecting to the guide…",
    reconnecting: "Reconnecting to the guide…",
    connected: "Connected to the guide.",
    dropped: "The connection dropped before the answer came. Asking again when the guide is back…",
    resting: "The guide closed the connection after a quiet while; it reconnects when you ask.",
    lost_one: "Connection to the guide lost. Reconnecting in {seconds} second…",
    lost_other: "Connection to the guide lost. Reconnecting in {seconds} seconds…",
    waiting: "Reconnecting… your question is sent as soon as the guide is back.",
    unreachable: "The guide cannot be reached just now; your question waits here.",
    own_page: "Ask it on the guide’s own page",
    you_asked: "You asked",
    the_guide: "The guide",
    looking: "Looking in the records…",
    rate_limited: "You're asking quickly — try again in {seconds} s.",
    went_wrong: "Something went wrong with the guide.",
  };
  // Error codes the server sends that have words of their own (the rest: its message).
  var ERROR_WORDS = {
    message_too_large: "That question is too long for the guide. Please shorten it.",
    bad_json: "The guide could not read that question. Please ask again.",
    bad_message: "The guide could not read that question. Please ask again.",
    unknown_type: "The guide could not read that question. Please ask again.",
    unknown_object: "The guide does not know the object on this page.",
    unavailable: "The guide cannot answer just now. Please try again in a moment.",
  };

  // The panel's words, each falling back to the English when missing or unreadable.
  function readStrings(panel) {
    var node = panel.querySelector("script[type='application/json']");
    var given = {};
    try {
      given = (node && JSON.parse(node.textContent)) || {};
    } catch (e) {
      given = {};
    }
    var strings = {};
    var keys = Object.keys(ENGLISH).concat(Object.keys(ERROR_WORDS));
    for (var i = 0; i < keys.length; i++) {
      var key = keys[i];
      var value = given[key];
      strings[key] = typeof value === "string" && value ? value : ENGLISH[key] || ERROR_WORDS[key];
    }
    // Everything else (guide-answer.js's words) is passed on as given; it has its own fallbacks.
    Object.keys(given).forEach(function (key) {
      if (!(key in strings) && typeof given[key] === "string") strings[key] = given[key];
    });
    return strings;
  }

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return name in values ? String(values[name]) : whole;
    });
  }

  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)");

  var draw = window.VitrineGuideAnswer;
  var el = draw.el;

  function Guide(panel) {
    this.panel = panel;
    this.words = readStrings(panel);
    this.log = panel.querySelector("[data-guide-log]");
    this.form = panel.querySelector("[data-guide-form]");
    this.input = this.form.querySelector("input[name=q]");
    this.status = panel.querySelector("[data-guide-status]");
    this.object = panel.getAttribute("data-guide-object") || null;
    var objects = (panel.getAttribute("data-guide-objects") || "").split(/\s+/);
    this.objects = objects.filter(Boolean).slice(0, MAX_CONTEXT_OBJECTS);
    this.draft = el("div", "guide__draft");
    this.draft.setAttribute("aria-hidden", "true");
    this.draft.hidden = true;
    this.log.parentNode.insertBefore(this.draft, this.log.nextSibling);
    this.socket = null;
    this.ready = false;
    this.attempts = 0;
    this.retryTimer = null;
    this.resting = false; // closed by the server for idleness: reconnect on the next question
    this.waiting = []; // exchanges asked while disconnected, sent on reconnect
    this.asked = {}; // id -> exchange sent, its answer not yet come
    this.counter = 0;
    this.bind();
  }

  Guide.prototype.bind = function () {
    var guide = this;
    this.form.addEventListener("submit", function (event) {
      var question = guide.input.value.trim();
      if (!question) {
        event.preventDefault();
        guide.setStatus(guide.words.empty);
        guide.input.focus();
        return;
      }
      if (!guide.connect()) return; // no socket here: the form asks on the guide's page
      event.preventDefault();
      guide.input.value = "";
      guide.ask(question);
    });
    // Connect when the visitor turns to the guide, not on every page view.
    this.form.addEventListener("focusin", function () {
      if (!guide.resting) guide.connect();
    });
    window.addEventListener("online", function () {
      if (!guide.ready && !guide.resting) guide.reconnectNow();
    });
    window.addEventListener("offline", function () {
      if (!guide.ready) guide.setStatus(guide.words.offline);
    });
  };

  Guide.prototype.setStatus = function (text) {
    this.status.textContent = text;
    this.status.hidden = !text;
  };

  // ---- The connection -------------------------------------------------------------------

  Guide.prototype.socketUrl = function () {
    var scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
    var query = this.object ? "?object=" + encodeURIComponent(this.object) : "";
    return scheme + "//" + window.location.host + "/ws/guide/" + query;
  };

  // True when a socket is open or opening; false when this browser cannot open one.
  Guide.prototype.connect = function () {
    if (this.socket) return true;
    if (this.retryTimer) return true; // a reconnection is already planned
    var socket;
    try {
      socket = new WebSocket(this.socketUrl());
    } catch (e) {
      return false;
    }
    var guide = this;
    this.socket = socket;
    this.resting = false;
    this.setStatus(this.attempts ? this.words.reconnecting : this.words.connecting);
    socket.addEventListener("message", function (event) {
      if (guide.socket === socket) guide.receive(event.data);
    });
    socket.addEventListener("close", function (event) {
      if (guide.socket === socket) guide.closed(event.code);
    });
    return true;
  };

  Guide.prototype.reconnectNow = function () {
    window.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.connect();
  };

  Guide.prototype.closed = function (code) {
    this.socket = null;
    this.ready = false;
    this.draft.hidden = true;
    // Questions sent but not answered are asked again once the guide is back.
    var ids = Object.keys(this.asked);
    for (var i = 0; i < ids.length; i++) {
      var exchange = this.asked[ids[i]];
      delete this.asked[ids[i]];
      this.wait(exchange, this.words.dropped);
    }
    if (code === IDLE_CLOSE_CODE && !this.waiting.length) {
      this.resting = true;
      this.setStatus(this.words.resting);
      return;
    }
    this.scheduleReconnect();
  };

  // Exponential back-off with jitter, so that a server restart is not met by every
  // visitor's panel at the same instant.
  Guide.prototype.scheduleReconnect = function () {
    var ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * Math.pow(2, this.attempts));
    var delay = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
    this.attempts += 1;
    var seconds = Math.max(1, Math.round(delay / 1000));
    // seconds is at least 1, and 1 is the only singular in English and in French.
    this.setStatus(fill(seconds === 1 ? this.words.lost_one : this.words.lost_other, { seconds: seconds }));
    var guide = this;
    this.retryTimer = window.setTimeout(function () {
      guide.retryTimer = null;
      guide.connect();
    }, delay);
  };

  Guide.prototype.send = function (message) {
    this.socket.send(JSON.stringify(message));
  };

  Guide.prototype.opened = function () {
    this.ready = true;
    this.attempts = 0;
    this.setStatus(this.words.connected);
    if (this.objects.length) {
      this.send({ type: "context", object: this.object, objects: this.objects });
    }
    var waiting = this.waiting;
    this.waiting = [];
    for (var i = 0; i < waiting.length; i++) {
      window.clearTimeout(waiting[i].giveUpTimer);
      this.dispatch(waiting[i]);
    }
  };

  // ---- Asking ---------------------------------------------------------------------------

  Guide.prototype.ask = function (question) {
    this.counter += 1;
    var exchange = {
      id: "q" + Date.now().toString(36) + "-" + this.counter,
      question: question,
      item: el("li", "guide__exchange"),
      note: null,
    };
    var asked = el("p", "guide__question");
    asked.appendChild(el("span", "guide__who", this.words.you_asked));
    asked.appendChild(document.createTextNode(" " + question));
    exchange.item.appendChild(asked);
    this.log.appendChild(exchange.item);
    while (this.log.children.length > MAX_EXCHANGES) this.log.removeChild(this.log.firstElementChild);
    if (this.ready) {
      this.dispatch(exchange);
    } else {
      this.wait(exchange, this.words.waiting);
    }
    this.reveal(exchange.item);
  };

  Guide.prototype.dispatch = function (exchange) {
    this.setNote(exchange, null);
    this.asked[exchange.id] = exchange;
    this.send({ type: "ask", id: exchange.id, question: exchange.question });
    this.showDraft(exchange, []);
  };

  Guide.prototype.wait = function (exchange, words) {
    this.setNote(exchange, words);
    this.waiting.push(exchange);
    var guide = this;
    window.clearTimeout(exchange.giveUpTimer);
    exchange.giveUpTimer = window.setTimeout(function () {
      guide.offerPage(exchange);
    }, GIVE_UP_WAITING_MS);
  };

  // The guide's own page, which answers without a socket.
  Guide.prototype.pageUrl = function (question) {
    var params = new URLSearchParams();
    params.set("q", question);
    if (this.object) params.set("object", this.object);
    for (var i = 0; i < this.objects.length; i++) params.append("objects", this.objects[i]);
    return this.form.action + "?" + params.toString();
  };

  // The guide cannot be reached: say so, and offer the page that works without a socket.
  Guide.prototype.offerPage = function (exchange) {
    if (this.waiting.indexOf(exchange) < 0) return;
    var note = el("p", "guide__note");
    note.appendChild(document.createTextNode(this.words.unreachable + " "));
    var link = el("a", "", this.words.own_page);
    link.href = this.pageUrl(exchange.question);
    note.appendChild(link);
    note.appendChild(document.createTextNode("."));
    this.setNote(exchange, note);
  };

  Guide.prototype.setNote = function (exchange, content) {
    if (exchange.note) exchange.item.removeChild(exchange.note);
    exchange.note = null;
    if (!content) return;
    exchange.note = typeof content === "string" ? el("p", "guide__note", content) : content;
    exchange.item.appendChild(exchange.note);
  };

  Guide.prototype.reveal = function (node) {
    if (!node.scrollIntoView) return;
    var smooth = !(reduceMotion && reduceMotion.matches);
    node.scrollIntoView({ block: "nearest", behavior: smooth ? "smooth" : "auto" });
  };

  // ---- What the server says -------------------------------------------------------------

  Guide.prototype.receive = function (data) {
    var message;
    try {
      message = JSON.parse(data);
    } catch (e) {
      return;
    }
    if (!message || typeof message !== "object") return;
    if (message.type === "ready") this.opened();
    else if (message.type === "answer_chunk") this.chunk(message);
    else if (message.type === "answer") this.answered(message);
    else if (message.type === "error") this.failed(message);
  };

  Guide.prototype.showDraft = function (exchange, sentences) {
    this.draft.textContent = "";
    this.draft.appendChild(el("p", "guide__who", this.words.the_guide));
    var text = sentences.join(" ");
    var draftText = el("p", "guide__draft-text", text || this.words.looking);
    if (text) draftText.lang = "en"; // the guide's own words
    this.draft.appendChild(draftText);
    this.draft.hidden = false;
    exchange.draftSentences = sentences;
  };

  Guide.prototype.chunk = function (message) {
    var exchange = this.asked[message.id];
    if (!exchange || typeof message.text !== "string") return;
    var sentences = (exchange.draftSentences || []).slice();
    var index = typeof message.index === "number" ? message.index : sentences.length;
    sentences[index] = message.text;
    this.showDraft(exchange, sentences.filter(function (s) { return typeof s === "string"; }));
  };

  Guide.prototype.answered = function (message) {
    var exchange = this.asked[message.id];
    if (!exchange) return;
    delete this.asked[message.id];
    this.draft.hidden = true;
    this.draft.textContent = "";
    var guide = this;
    exchange.item.appendChild(
      draw.render(
        message,
        function (question) {
          if (guide.connect()) guide.ask(question);
          else window.location.assign(guide.pageUrl(question));
        },
        this.words
      )
    );
    this.reveal(exchange.item);
  };

  Guide.prototype.failed = function (message) {
    var text;
    var english = false; // the server's own message, when the code has no words here
    if (message.code === "rate_limited") {
      var seconds = Math.max(1, Math.ceil(Number(message.retry_after) || 1));
      text = fill(this.words.rate_limited, { seconds: seconds });
    } else if (ERROR_WORDS.hasOwnProperty(message.code)) {
      text = this.words[message.code];
    } else if (typeof message.message === "string" && message.message) {
      text = message.message;
      english = true;
    } else {
      text = this.words.went_wrong;
    }
    var error = el("p", "guide__error", text);
    if (english) error.lang = "en";
    var exchange = message.id ? this.asked[message.id] : null;
    if (exchange) {
      delete this.asked[message.id];
      this.draft.hidden = true;
      exchange.item.appendChild(error);
      return;
    }
    if (message.code === "idle_timeout") return; // the close that follows says it
    var item = el("li", "guide__exchange");
    item.appendChild(error);
    this.log.appendChild(item);
  };

  var panels = document.querySelectorAll("[data-guide]");
  for (var i = 0; i < panels.length; i++) new Guide(panels[i]);
})();
