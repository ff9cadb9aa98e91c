/* deckgen serve's live reload: added to served pages only, never to a built file.
 *
 * It listens to the server's events. After a newer good build it fetches the new page and swaps
 * its slides and styles into this one, staying on the slide shown (by id, else by number); when
 * the scripts differ (a new reveal.js or deck.js) it reloads the whole page instead. After a
 * failed build it shows the error over the last good deck until the next good save.
 */
(function () {
  'use strict';

  var live = window.deckgenLive;
  var SLIDE_KEY = 'deckgen-live-slide';
  var overlay = null;

  function currentSlide() {
    var Reveal = window.Reveal;
    if (!Reveal || !Reveal.isReady || !Reveal.isReady()) return null;
    var slide = Reveal.getCurrentSlide();
    return slide ? { id: slide.id, h: Reveal.getIndices().h } : null;
  }

  function reload() {
    var slide = currentSlide();
    if (slide) {
      sessionStorage.setItem(SLIDE_KEY, JSON.stringify(slide));
      if (slide.id) history.replaceState(null, '', '#/' + slide.id);
    }
    location.reload();
  }

  /* After a reload: if the slide's id is gone (its title changed), stay at its old number. */
  function restore() {
    var saved = sessionStorage.getItem(SLIDE_KEY);
    sessionStorage.removeItem(SLIDE_KEY);
    var Reveal = window.Reveal;
    if (!saved || !Reveal) return;
    var slide = JSON.parse(saved);
    var go = function () {
      if (!slide.id || !document.getElementById(slide.id)) Reveal.slide(slide.h);
    };
    if (Reveal.isReady && Reveal.isReady()) go();
    else Reveal.on('ready', go);
  }

  function showError(message) {
    if (!overlay) {
      overlay = document.createElement('div');
      overlay.className = 'deckgen-live-error';
      overlay.setAttribute('role', 'alert');
      overlay.style.cssText = [
        'position:fixed', 'left:0', 'right:0', 'top:0', 'z-index:2147483647',
        'padding:14px 18px', 'background:#5c0f14', 'color:#fff', 'border-bottom:3px solid #ff6b6b',
        'font:15px/1.4 ui-monospace,Menlo,Consolas,monospace', 'white-space:pre-wrap',
        'box-shadow:0 4px 18px rgba(0,0,0,.5)'
      ].join(';');
      var title = document.createElement('div');
      title.style.cssText = 'font-weight:700;margin-bottom:4px;font-family:sans-serif';
      title.textContent = 'deckgen: this save has an error; showing the last good deck';
      var text = document.createElement('div');
      text.className = 'deckgen-live-error-message';
      overlay.appendChild(title);
      overlay.appendChild(text);
      document.body.appendChild(overlay);
    }
    overlay.querySelector('.deckgen-live-error-message').textContent = message;
    overlay.hidden = false;
  }

  function hideError() {
    if (overlay) overlay.hidden = true;
  }

  function isLiveScript(script) {
    return script.textContent.indexOf('window.deckgenLive') !== -1;
  }

  function scripts(doc) {
    return Array.prototype.filter.call(doc.querySelectorAll('script'), function (script) {
      return !isLiveScript(script);
    }).map(function (script) { return script.src || script.textContent; });
  }

  function sameList(a, b) {
    if (a.length !== b.length) return false;
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  /* Put the slides and styles of ``next`` (a parsed page) into this page; false if it cannot. */
  function swap(next) {
    var Reveal = window.Reveal;
    var slides = document.querySelector('.reveal .slides');
    var nextSlides = next.querySelector('.reveal .slides');
    var styles = document.head.querySelectorAll('style, link[rel=stylesheet]');
    var nextStyles = next.head.querySelectorAll('style, link[rel=stylesheet]');
    if (!Reveal || !Reveal.isReady() || !slides || !nextSlides) return false;
    if (styles.length !== nextStyles.length || !sameList(scripts(document), scripts(next))) {
      return false;
    }
    var shown = currentSlide();
    for (var i = 0; i < styles.length; i++) {
      if (styles[i].outerHTML !== nextStyles[i].outerHTML) {
        styles[i].replaceWith(document.adoptNode(nextStyles[i]));
      }
    }
    slides.replaceChildren.apply(slides, Array.prototype.map.call(
      Array.prototype.slice.call(nextSlides.childNodes), function (node) {
        return document.adoptNode(node);
      }));
    document.title = next.title;
    document.documentElement.lang = next.documentElement.lang;
    Reveal.sync();
    var target = shown && shown.id ? document.getElementById(shown.id) : null;
    Reveal.slide(target ? Reveal.getIndices(target).h : shown ? shown.h : 0);
    if (window.deckTools) window.deckTools.refresh();
    return true;
  }

  /* performance marks let benchmarks/serve_latency.py tell where the time goes */
  function update(generation) {
    performance.mark('deckgen-build-announced');
    fetch(location.pathname, { cache: 'no-store' })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        performance.mark('deckgen-build-fetched');
        var next = new DOMParser().parseFromString(html, 'text/html');
        if (!swap(next)) return reload();
        performance.mark('deckgen-build-swapped');
        live.generation = generation;
        hideError();
        document.documentElement.setAttribute('data-deckgen-generation', String(generation));
      })
      .catch(reload);
  }

  function onState(state) {
    if (state.generation !== live.generation && state.generation > 0) {
      if (live.generation > 0) update(state.generation);
      else reload();
    } else if (state.error) {
      showError(state.error);
    } else {
      hideError();
    }
  }

  restore();
  document.documentElement.setAttribute('data-deckgen-generation', String(live.generation));
  var events = new EventSource(live.events);
  events.addEventListener('state', function (event) {
    onState(JSON.parse(event.data));
  });
  window.deckgenLive.state = function () {
    return { generation: live.generation, error: overlay && !overlay.hidden ? overlay.textContent : null };
  };
})();
