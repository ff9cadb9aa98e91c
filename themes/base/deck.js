/* deckgen's reader tools for the single-file deck: a menu of parts and slides, search over the
 * slide text and the speaker notes, overview and print links, and a "more" panel with the text
 * a page said beyond its slide. No dependencies, no network.
 *
 * It reads the markup the templates write (one <section id> per slide, data-section, .frame for
 * what the slide shows, aside.notes for the notes, a hidden aside.more for the "more" text) and
 * builds its own UI outside .reveal, so no slide's text or layout changes. Work that grows with the deck (the outline, the search index) is done
 * once, when first needed, so a deck of a thousand slides opens as fast as a short one.
 */
(function () {
  'use strict';

  var DOCK_MIN_WIDTH = 800; // wider windows show the panel beside the deck, narrower ones over it
  var MAX_RESULTS = 60;
  var COLLAPSE_ABOVE = 150; // in bigger decks the outline shows only the current part's slides
  var SNIPPET_CONTEXT = 40;
  var HIGHLIGHT_NAME = 'deck-search-hit';
  var MARK_CLASS = 'deck-search-mark';
  var LABELS = window.deckLabels || {}; // in the deck's language (labels.toml), English defaults

  /** The label ``key`` in the deck's language, each ``{name}`` in it filled from ``values``. */
  function label(key, values) {
    var text = String(LABELS[key] || key);
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function icon(path) {
    var svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var shape = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    shape.setAttribute('d', path);
    svg.appendChild(shape);
    return svg;
  }

  var ICON_MENU = 'M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z';
  var ICON_SEARCH = 'M10 3a7 7 0 0 1 5.6 11.2l5.1 5.1-1.4 1.4-5.1-5.1A7 7 0 1 1 10 3zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10z';
  var ICON_MORE = 'M11 7h2v2h-2zm0 4h2v6h-2zm1-9a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16z';
  var ICON_CLOSE = 'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6 10.6 12 5 6.4z';

  /** A regular expression that finds ``query`` case-insensitively; white space matches any run. */
  function queryPattern(query) {
    var words = query.trim().split(/\s+/).map(function (word) {
      return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    });
    return new RegExp(words.join('\\s+'), 'giu');
  }

  var INLINE_TAGS = /^(A|ABBR|B|CODE|DEL|EM|I|KBD|MARK|S|SAMP|SMALL|SPAN|STRONG|SUB|SUP|U)$/;

  function blockOf(node) {
    var parent = node.parentElement;
    while (parent && INLINE_TAGS.test(parent.tagName)) parent = parent.parentElement;
    return parent;
  }

  /** The text under ``root`` (notes left out) as one string, a line break between blocks,
   *  with where each text node starts and ends in it. */
  function textMap(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var nodes = [];
    var starts = [];
    var parts = [];
    var length = 0;
    var block = null;
    var skipNotes = !!root.querySelector('aside.notes');
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (skipNotes && node.parentElement.closest('aside.notes')) continue;
      var nodeBlock = blockOf(node);
      if (nodes.length && nodeBlock !== block) {
        parts.push('\n');
        length += 1;
      }
      block = nodeBlock;
      nodes.push(node);
      starts.push(length);
      parts.push(node.data);
      length += node.data.length;
    }
    return { nodes: nodes, starts: starts, text: parts.join('') };
  }

  /** The text node and offset at ``offset`` of a textMap; one between two nodes goes to the
   *  node after it (a start) or before it (an end). */
  function nodeAt(map, offset, isEnd) {
    var i = 0;
    while (i + 1 < map.nodes.length && map.starts[i + 1] <= offset - (isEnd ? 1 : 0)) i++;
    var node = map.nodes[i];
    var within = Math.max(0, Math.min(offset - map.starts[i], node.data.length));
    if (!isEnd && offset - map.starts[i] >= node.data.length && i + 1 < map.nodes.length) {
      return { node: map.nodes[i + 1], offset: 0 };
    }
    return { node: node, offset: within };
  }

  function DeckTools(Reveal) {
    this.Reveal = Reveal;
    this.slides = Reveal.getSlides();
    this.outlineLinks = null; // built on first open
    this.index = null; // built on first search
    this.results = [];
    this.selected = -1;
    this.query = '';
    this.marks = [];
    this.build();
    this.bind();
  }

  DeckTools.prototype.build = function () {
    var hasNotes = !!document.querySelector('.reveal .slides aside.notes');
    this.hasNotes = hasNotes;
    var root = element('div', 'deck-ui');
    root.setAttribute('data-deck-ui', '');

    var bar = element('div', 'deck-ui-bar');
    this.menuButton = this.button('deck-ui-button', label('menu'), ICON_MENU);
    this.menuButton.setAttribute('aria-controls', 'deck-menu');
    this.menuButton.setAttribute('aria-expanded', 'false');
    this.searchButton = this.button('deck-ui-button', label('search'), ICON_SEARCH);
    bar.appendChild(this.menuButton);
    bar.appendChild(this.searchButton);
    this.hasMore = !!document.querySelector('.reveal .slides aside.more');
    if (this.hasMore) {
      this.moreButton = this.button('deck-ui-button', label('more'), ICON_MORE);
      this.moreButton.setAttribute('aria-controls', 'deck-more');
      this.moreButton.setAttribute('aria-expanded', 'false');
      bar.appendChild(this.moreButton);
      document.documentElement.classList.add('deck-has-more');
      this.more = element('aside', 'deck-more');
      this.more.id = 'deck-more';
      this.more.setAttribute('aria-label', label('more_title'));
      this.more.hidden = true;
      this.moreBody = element('div', 'deck-more-body');
      var moreClose = this.button('deck-ui-button deck-more-close', label('close'), ICON_CLOSE);
      moreClose.addEventListener('click', this.closeMore.bind(this));
      this.more.appendChild(moreClose);
      this.more.appendChild(this.moreBody);
    }

    var panel = element('nav', 'deck-menu');
    panel.id = 'deck-menu';
    panel.setAttribute('aria-label', label('menu_title'));
    panel.hidden = true;

    var head = element('div', 'deck-menu-head');
    this.input = element('input', 'deck-search-input');
    this.input.type = 'search';
    this.input.placeholder = label(hasNotes ? 'search_notes' : 'search_slides');
    this.input.setAttribute('aria-label', this.input.placeholder);
    this.input.setAttribute('aria-controls', 'deck-search-results');
    this.input.autocomplete = 'off';
    this.input.spellcheck = false;
    this.closeButton = this.button('deck-ui-button deck-menu-close', label('close'), ICON_CLOSE);
    head.appendChild(this.input);
    head.appendChild(this.closeButton);

    this.status = element('p', 'deck-search-status');
    this.status.setAttribute('role', 'status');
    this.resultList = element('ol', 'deck-search-results');
    this.resultList.id = 'deck-search-results';
    this.resultList.hidden = true;

    var tools = element('div', 'deck-menu-tools');
    this.overviewButton = element('button', 'deck-menu-tool', label('overview'));
    this.overviewButton.type = 'button';
    tools.appendChild(this.overviewButton);
    tools.appendChild(this.printLink(label('print'), ''));
    if (hasNotes) tools.appendChild(this.printLink(label('print_notes'), '&showNotes=separate-page'));

    this.outline = element('ol', 'deck-outline');
    this.outline.setAttribute('aria-label', label('slides'));

    panel.appendChild(head);
    panel.appendChild(tools);
    panel.appendChild(this.status);
    panel.appendChild(this.resultList);
    panel.appendChild(this.outline);
    root.appendChild(bar);
    root.appendChild(panel);
    if (this.more) root.appendChild(this.more);
    document.body.appendChild(root);
    this.root = root;
    this.panel = panel;
  };

  DeckTools.prototype.button = function (className, label, path) {
    var node = element('button', className);
    node.type = 'button';
    node.title = label;
    node.setAttribute('aria-label', label);
    node.appendChild(icon(path));
    return node;
  };

  DeckTools.prototype.printLink = function (text, extra) {
    var link = element('a', 'deck-menu-tool', text);
    link.href = '?print-pdf' + extra;
    link.target = '_blank';
    link.title = label('print_hint', { label: text });
    return link;
  };

  DeckTools.prototype.bind = function () {
    var self = this;
    var Reveal = this.Reveal;
    this.menuButton.addEventListener('click', function () {
      self.toggle();
    });
    this.searchButton.addEventListener('click', function () {
      self.open(true);
    });
    this.closeButton.addEventListener('click', function () {
      self.close(true);
    });
    this.overviewButton.addEventListener('click', function () {
      if (!self.docked()) self.close(false);
      Reveal.toggleOverview(true);
    });
    this.panel.addEventListener('click', function (event) {
      var toggle = event.target.closest('.deck-outline-toggle');
      if (toggle) {
        self.fold(toggle.parentElement, toggle.getAttribute('aria-expanded') === 'true');
        return;
      }
      var link = event.target.closest('a[data-index]');
      if (!link) return;
      event.preventDefault();
      var result = link.hasAttribute('data-result') ? Number(link.getAttribute('data-result')) : -1;
      self.go(Number(link.getAttribute('data-index')), result);
    });
    this.input.addEventListener('input', function () {
      self.search(self.input.value);
    });
    this.input.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        self.select(self.selected + (event.key === 'ArrowDown' ? 1 : -1));
      } else if (event.key === 'Enter') {
        event.preventDefault();
        var result = self.results[Math.max(self.selected, 0)];
        if (result) self.go(result.index, Math.max(self.selected, 0));
      } else if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        if (self.input.value) {
          self.input.value = '';
          self.search('');
        } else {
          self.close(true);
        }
      }
    });
    this.panel.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && event.target !== self.input) {
        event.stopPropagation();
        self.close(true);
      }
    });
    document.addEventListener('keydown', function (event) {
      var target = event.target;
      if (target && (/input|textarea|select/i.test(target.tagName) || target.isContentEditable)) {
        return;
      }
      var findKeys = (event.ctrlKey || event.metaKey) && event.shiftKey && /^f$/i.test(event.key);
      if ((event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey) || findKeys) {
        event.preventDefault();
        event.stopPropagation();
        self.open(true);
      }
    }, true);
    Reveal.addKeyBinding({ keyCode: 77, key: 'M', description: label('menu_key') }, function () {
      self.toggle();
    });
    Reveal.on('slidechanged', function () {
      self.markCurrent();
      self.highlight();
      self.showMore();
    });
    if (this.moreButton) {
      this.moreButton.addEventListener('click', function () {
        if (self.more.hidden) self.openMore();
        else self.closeMore();
      });
      document.addEventListener('keydown', function (event) {
        // Esc closes the open "more" panel first (the menu, when open, handles its own Esc).
        if (event.key !== 'Escape' || self.more.hidden || !self.panel.hidden) return;
        event.preventDefault();
        event.stopPropagation();
        var inside = self.more.contains(document.activeElement);
        self.closeMore();
        if (inside) self.moreButton.focus();
      }, true);
      Reveal.addKeyBinding({ keyCode: 73, key: 'I', description: label('more_title') }, function () {
        if (self.more.hidden) self.openMore();
        else self.closeMore();
      });
      this.showMore();
    }
    document.addEventListener('pointerdown', function (event) {
      // Over the deck (narrow windows), a tap beside the panel closes it.
      if (!self.panel.hidden && !self.docked() && !self.root.contains(event.target)) {
        self.close(false);
      }
    }, true);
    window.addEventListener('resize', function () {
      if (!self.panel.hidden) self.place();
    });
  };

  DeckTools.prototype.docked = function () {
    return window.innerWidth >= DOCK_MIN_WIDTH;
  };

  /** Dock the open panel beside the deck (wide windows) or lay it over the deck (narrow). */
  DeckTools.prototype.place = function () {
    var classes = document.documentElement.classList;
    var dock = !this.panel.hidden && this.docked();
    if (classes.contains('deck-menu-docked') !== dock) {
      classes.toggle('deck-menu-docked', dock);
      this.Reveal.layout();
    }
  };

  DeckTools.prototype.toggle = function () {
    if (this.panel.hidden) this.open(false);
    else this.close(true);
  };

  DeckTools.prototype.open = function (forSearch) {
    if (this.Reveal.isOverview()) this.Reveal.toggleOverview(false);
    if (!this.outlineLinks) this.buildOutline();
    this.panel.hidden = false;
    this.menuButton.setAttribute('aria-expanded', 'true');
    document.documentElement.classList.add('deck-menu-open');
    this.place();
    this.markCurrent();
    if (forSearch || this.query) {
      this.input.focus();
      this.input.select();
    } else {
      var current = this.outlineLinks[this.Reveal.getIndices().h];
      if (current) current.focus();
    }
  };

  DeckTools.prototype.close = function (restoreFocus) {
    if (this.panel.hidden) return;
    this.panel.hidden = true;
    this.menuButton.setAttribute('aria-expanded', 'false');
    document.documentElement.classList.remove('deck-menu-open');
    this.place();
    if (restoreFocus) this.menuButton.focus();
  };

  /** The current slide's "more" text: the page's own words that its slide leaves out. */
  DeckTools.prototype.currentMore = function () {
    var slide = this.Reveal.getCurrentSlide();
    return slide ? slide.querySelector('aside.more') : null;
  };

  DeckTools.prototype.openMore = function () {
    this.more.hidden = false;
    this.moreButton.setAttribute('aria-expanded', 'true');
    this.showMore();
  };

  DeckTools.prototype.closeMore = function () {
    this.more.hidden = true;
    this.moreButton.setAttribute('aria-expanded', 'false');
  };

  /** Fill the open panel with the current slide's "more" text; dim the button where there is none. */
  DeckTools.prototype.showMore = function () {
    if (!this.moreButton) return;
    var source = this.currentMore();
    this.moreButton.disabled = !source;
    if (!source) {
      this.closeMore();
      return;
    }
    if (this.more.hidden) return;
    this.moreBody.textContent = '';
    for (var node = source.firstChild; node; node = node.nextSibling) {
      this.moreBody.appendChild(node.cloneNode(true));
    }
  };

  DeckTools.prototype.slideTitle = function (slide, index) {
    var title = slide.querySelector('.frame .title');
    var text = title ? title.textContent.replace(/\s+/g, ' ').trim() : '';
    return text || label('slide', { n: index + 1 });
  };

  /** The outline: one entry per slide, the slides of each part under its section divider. In
   *  a big deck the parts start folded (their slides are not laid out), but the current one. */
  DeckTools.prototype.buildOutline = function () {
    var fragment = document.createDocumentFragment();
    var links = [];
    var group = null;
    var folded = this.slides.length > COLLAPSE_ABOVE;
    for (var i = 0; i < this.slides.length; i++) {
      var slide = this.slides[i];
      var isPart = slide.getAttribute('data-layout') === 'section';
      var item = element('li', isPart ? 'deck-outline-part' : 'deck-outline-slide');
      var link = element('a');
      link.href = '#/' + slide.id;
      link.setAttribute('data-index', String(i));
      link.appendChild(element('span', 'deck-outline-number', String(i + 1)));
      link.appendChild(document.createTextNode(this.slideTitle(slide, i)));
      item.appendChild(link);
      links.push(link);
      if (isPart) {
        group = element('ol');
        group.id = 'deck-outline-part-' + i;
        item.appendChild(group);
        fragment.appendChild(item);
        if (folded) {
          var toggle = element('button', 'deck-outline-toggle');
          toggle.type = 'button';
          toggle.setAttribute('aria-controls', group.id);
          toggle.setAttribute('aria-label', label('show_part', { title: this.slideTitle(slide, i) }));
          item.insertBefore(toggle, link);
          this.fold(item, true);
        }
      } else if (group && slide.getAttribute('data-section')) {
        group.appendChild(item);
      } else {
        group = null;
        fragment.appendChild(item);
      }
    }
    this.outline.appendChild(fragment);
    this.outlineLinks = links;
    this.currentLink = null;
  };

  /** Fold or unfold a part of the outline (``item``: its <li>). */
  DeckTools.prototype.fold = function (item, folded) {
    var toggle = item.querySelector(':scope > .deck-outline-toggle');
    var group = item.querySelector(':scope > ol');
    if (!toggle || !group) return;
    group.hidden = folded;
    toggle.setAttribute('aria-expanded', String(!folded));
  };

  /** Read the slides again (``deckgen serve`` swapped in a new build). */
  DeckTools.prototype.refresh = function () {
    this.slides = this.Reveal.getSlides();
    this.outline.textContent = '';
    this.outlineLinks = null;
    this.currentLink = null;
    this.index = null;
    if (!this.panel.hidden) this.buildOutline();
    if (this.query) this.search(this.query);
    this.markCurrent();
  };

  DeckTools.prototype.markCurrent = function () {
    if (!this.outlineLinks || this.panel.hidden) return;
    var link = this.outlineLinks[this.Reveal.getIndices().h];
    if (link === this.currentLink) return;
    if (this.currentLink) this.currentLink.removeAttribute('aria-current');
    if (link) {
      var part = link.parentElement.parentElement.closest('.deck-outline-part');
      if (part) this.fold(part, false);
      link.setAttribute('aria-current', 'page');
      if (!this.query) link.scrollIntoView({ block: 'nearest' });
    }
    this.currentLink = link;
  };

  /** The search index: each slide's shown text and its notes, read once from the page. */
  DeckTools.prototype.buildIndex = function () {
    if (this.index) return;
    var index = [];
    for (var i = 0; i < this.slides.length; i++) {
      var slide = this.slides[i];
      var frame = slide.querySelector('.frame') || slide;
      var notes = slide.querySelector('aside.notes');
      var more = notes ? null : slide.querySelector('aside.more'); // the notes hold it, if any
      index.push({
        title: this.slideTitle(slide, i),
        text: textMap(frame).text,
        notes: notes ? textMap(notes).text : '',
        more: more ? textMap(more).text : '',
      });
    }
    this.index = index;
  };

  DeckTools.prototype.search = function (query) {
    this.query = query.trim();
    this.results = [];
    this.selected = -1;
    this.resultList.textContent = '';
    if (!this.query) {
      this.resultList.hidden = true;
      this.outline.hidden = false;
      this.status.textContent = '';
      this.highlight();
      return;
    }
    this.buildIndex();
    var pattern = queryPattern(this.query);
    var total = 0;
    for (var i = 0; i < this.index.length; i++) {
      var entry = this.index[i];
      var places = [['slide', entry.text], ['notes', entry.notes], ['more', entry.more]];
      for (var p = 0; p < places.length; p++) {
        pattern.lastIndex = 0;
        var match = pattern.exec(places[p][1]);
        if (!match) continue;
        total++;
        if (this.results.length < MAX_RESULTS) {
          this.results.push({
            index: i,
            where: places[p][0],
            text: places[p][1],
            start: match.index,
            end: match.index + match[0].length,
          });
        }
      }
    }
    var fragment = document.createDocumentFragment();
    for (var r = 0; r < this.results.length; r++) fragment.appendChild(this.resultItem(r));
    this.resultList.appendChild(fragment);
    this.resultList.hidden = false;
    this.outline.hidden = true;
    var found = total === 0 ? label('no_match') : total === 1 ? label('one_match') : label('matches', { n: total });
    this.status.textContent = total > this.results.length
      ? label('shown', { matches: found, n: this.results.length }) : found;
    this.select(0);
    this.highlight();
  };

  DeckTools.prototype.resultItem = function (r) {
    var result = this.results[r];
    var entry = this.index[result.index];
    var item = element('li');
    var link = element('a');
    link.href = '#/' + this.slides[result.index].id;
    link.id = 'deck-search-result-' + r;
    link.setAttribute('data-index', String(result.index));
    link.setAttribute('data-result', String(r));
    var title = element('span', 'deck-result-title');
    title.appendChild(element('span', 'deck-outline-number', String(result.index + 1)));
    title.appendChild(document.createTextNode(entry.title));
    if (result.where !== 'slide') title.appendChild(element('span', 'deck-result-where', label('in_' + result.where)));
    link.appendChild(title);
    link.appendChild(this.snippet(result));
    item.appendChild(link);
    return item;
  };

  /** A line of text around the hit, with the hit marked. */
  DeckTools.prototype.snippet = function (result) {
    var text = result.text;
    var from = Math.max(0, result.start - SNIPPET_CONTEXT);
    var to = Math.min(text.length, result.end + SNIPPET_CONTEXT);
    var squash = function (s) { return s.replace(/\s+/g, ' '); };
    var line = element('span', 'deck-result-snippet');
    line.appendChild(document.createTextNode((from > 0 ? '…' : '') + squash(text.slice(from, result.start)).replace(/^ /, '')));
    line.appendChild(element('mark', '', squash(text.slice(result.start, result.end))));
    line.appendChild(document.createTextNode(squash(text.slice(result.end, to)).replace(/ $/, '') + (to < text.length ? '…' : '')));
    return line;
  };

  DeckTools.prototype.select = function (r) {
    var links = this.resultList.querySelectorAll('a');
    if (!links.length) return;
    r = (r + links.length) % links.length;
    if (this.selected >= 0 && links[this.selected]) links[this.selected].removeAttribute('aria-selected');
    this.selected = r;
    links[r].setAttribute('aria-selected', 'true');
    links[r].scrollIntoView({ block: 'nearest' });
    this.input.setAttribute('aria-activedescendant', links[r].id);
  };

  DeckTools.prototype.go = function (index, result) {
    if (result >= 0) this.select(result);
    if (!this.docked()) this.close(false);
    if (this.Reveal.isOverview()) this.Reveal.toggleOverview(false);
    if (this.Reveal.getIndices().h === index) this.highlight();
    else this.Reveal.slide(index);
    if (!this.panel.hidden && result < 0) this.markCurrent();
  };

  /** Mark every hit of the current query on the current slide (not in its hidden notes). */
  DeckTools.prototype.highlight = function () {
    this.clearHighlight();
    var slide = this.Reveal.getCurrentSlide();
    if (!this.query || !slide) return;
    var frame = slide.querySelector('.frame') || slide;
    var map = textMap(frame);
    var pattern = queryPattern(this.query);
    var ranges = [];
    var match;
    while ((match = pattern.exec(map.text)) && ranges.length < 200) {
      if (!match[0].length) break;
      var start = nodeAt(map, match.index, false);
      var end = nodeAt(map, match.index + match[0].length, true);
      var range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      ranges.push(range);
    }
    if (!ranges.length) return;
    if (window.CSS && CSS.highlights && window.Highlight) {
      var highlight = new Highlight();
      ranges.forEach(function (r) { highlight.add(r); });
      CSS.highlights.set(HIGHLIGHT_NAME, highlight);
      return;
    }
    // Older browsers: wrap the hits that lie inside one text node in <mark>, last one first.
    for (var i = ranges.length - 1; i >= 0; i--) {
      if (ranges[i].startContainer !== ranges[i].endContainer) continue;
      var mark = element('mark', MARK_CLASS);
      ranges[i].surroundContents(mark);
      this.marks.push(mark);
    }
  };

  DeckTools.prototype.clearHighlight = function () {
    if (window.CSS && CSS.highlights) CSS.highlights.delete(HIGHLIGHT_NAME);
    this.marks.forEach(function (mark) {
      var parent = mark.parentNode;
      if (!parent) return;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
      parent.normalize();
    });
    this.marks = [];
  };

  /** reveal.js's keyboard help ("?") in the deck's language: each time the overlay opens, its
   *  heading, column names and the shortcuts' descriptions (reveal.js's and the plugins'). */
  function translateHelp(Reveal) {
    var help = LABELS.help || {};
    new MutationObserver(function () {
      var overlay = Reveal.getRevealElement().querySelector('.r-overlay-help');
      if (!overlay || overlay.hasAttribute('data-deck-labels')) return;
      overlay.setAttribute('data-deck-labels', '');
      var title = overlay.querySelector('.title');
      if (title) title.textContent = label('help_title');
      var heads = overlay.querySelectorAll('th');
      if (heads.length === 2) {
        heads[0].textContent = label('help_key');
        heads[1].textContent = label('help_action');
      }
      overlay.querySelectorAll('td:last-child').forEach(function (cell) {
        var text = cell.textContent.trim();
        if (Object.prototype.hasOwnProperty.call(help, text)) cell.textContent = help[text];
      });
    }).observe(Reveal.getRevealElement(), { childList: true });
  }

  function start() {
    var Reveal = window.Reveal;
    if (!Reveal || Reveal.isPrintView && Reveal.isPrintView()) return;
    if (/print-pdf/i.test(window.location.search)) return;
    translateHelp(Reveal);
    var tools = new DeckTools(Reveal);
    window.deckTools = tools;
    // The outline and the search index are made when the page is idle, or on first use.
    var idle = window.requestIdleCallback || function (fn) { return setTimeout(fn, 200); };
    idle(function () { if (!tools.outlineLinks) tools.buildOutline(); }, { timeout: 3000 });
    idle(function () { tools.buildIndex(); }, { timeout: 3000 });
  }

  if (window.Reveal && window.Reveal.isReady && window.Reveal.isReady()) start();
  else if (window.Reveal) window.Reveal.on('ready', start);
})();
