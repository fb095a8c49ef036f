// The spoken-description player (templates/descriptions/player.html): speed control,
// keyboard shortcuts while focus is in the player, and the current caption shown as text
// (an <audio> element draws no captions itself). Without JavaScript the native player,
// its captions track and the transcript still work.
(function () {
  "use strict";

  var SEEK_SECONDS = 5;
  var SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2];

  function setSpeed(audio, select, speed) {
    audio.playbackRate = speed;
    audio.defaultPlaybackRate = speed;
    select.value = String(speed);
  }

  function stepSpeed(audio, select, direction) {
    var index = SPEEDS.indexOf(Number(select.value));
    var next = Math.min(SPEEDS.length - 1, Math.max(0, (index < 0 ? 1 : index) + direction));
    setSpeed(audio, select, SPEEDS[next]);
  }

  function togglePlay(audio) {
    if (audio.paused) {
      var playing = audio.play();
      if (playing && playing.catch) playing.catch(function () {});
    } else {
      audio.pause();
    }
  }

  function seek(audio, seconds) {
    var end = isFinite(audio.duration) ? audio.duration : Infinity;
    audio.currentTime = Math.min(end, Math.max(0, audio.currentTime + seconds));
  }

  function handleKey(event, audio, select) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target === select && event.key !== "<" && event.key !== ">") return;
    var key = event.key;
    if (key === " " || key === "k" || key === "K") togglePlay(audio);
    else if (key === "ArrowLeft") seek(audio, -SEEK_SECONDS);
    else if (key === "ArrowRight") seek(audio, SEEK_SECONDS);
    else if (key === "Home") audio.currentTime = 0;
    else if (key === "<") stepSpeed(audio, select, -1);
    else if (key === ">") stepSpeed(audio, select, 1);
    else return;
    // Handled in the capture phase and stopped there: the focused <audio>'s own controls
    // would otherwise act on the same key (Chromium seeks by a hundredth of the length on
    // an arrow and plays again when Space comes up, whatever preventDefault says).
    event.preventDefault();
    event.stopPropagation();
  }

  function swallowSpaceUp(event, audio) {
    if (event.key === " " && event.target === audio) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  function showCaptions(audio, caption) {
    var track = audio.textTracks && audio.textTracks[0];
    if (!track) return;
    track.mode = "hidden"; // cues still fire; we draw them
    track.addEventListener("cuechange", function () {
      var cue = track.activeCues && track.activeCues[0];
      caption.textContent = cue ? cue.text : "";
      caption.hidden = !cue;
    });
  }

  function setUp(player) {
    var audio = player.querySelector("[data-audio]");
    var select = player.querySelector("[data-speed]");
    var caption = player.querySelector("[data-caption]");
    if (!audio || !select || player.hasAttribute("data-ready")) return;
    player.setAttribute("data-ready", "");
    player.querySelector("[data-controls]").hidden = false;
    player.querySelector("[data-keys]").hidden = false;
    select.addEventListener("change", function () {
      setSpeed(audio, select, Number(select.value));
    });
    player.addEventListener(
      "keydown",
      function (event) {
        handleKey(event, audio, select);
      },
      true
    );
    player.addEventListener(
      "keyup",
      function (event) {
        swallowSpaceUp(event, audio);
      },
      true
    );
    if (caption) showCaptions(audio, caption);
  }

  function setUpAll() {
    document.querySelectorAll("[data-audio-player]").forEach(setUp);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpAll);
  else setUpAll();
})();
