// <eligibility-widget programme="…" lang="fr|en" loading="lazy|eager" features="-print -copy -share">: the
// publisher's one script tag, as a classic script (`<script src async>`) or a module
// (`<script type="module" src>`) alike.
//
// A thin shell; the form itself is drawn by Rust (src/widget). It
// - finds the folder it came from (document.currentScript, or, as a module, where
//   there is none, the <script> whose src names this file), so that a CDN works;
// - registers the element and draws in each a light placeholder, with the fonts,
//   frame and paddings of the form, the size of its first question, so that the page
//   does not move when the form arrives;
// - loads the engine once, when a widget comes within a screen of the viewport (at
//   once with loading="eager"; any widget after the first draws at once): the
//   element's module (element.js with its glue, on an engine without the JS API) is
//   preloaded with the integrity pinned at build time, and imported only if it
//   passes; the module pins the .wasm the same way. The programmes' texts come
//   apart, one file a language, pinned too: those of a widget's language with the
//   engine, the other's when a widget first shows it (`need`); and so do their
//   sources, once a visitor acts in a widget. One
//   `integrity` on this script's tag therefore covers every file of the widget;
// - when something fails, says what (its files could not be loaded, WebAssembly is
//   not allowed on the page, the browser is too old) and gives each programme's
//   official link, which it carries itself; and when the engine stops on an error (a
//   trap, below), says so in the widget at work, with the same links.
// `build` is written by scripts/build.sh: the hashed file names and their SHA-384 (the
// texts' too), the programmes' names and links, and the loader's part of widget.css.
// The syntax stays that of 2017 browsers, so that an old one reaches the fallback.
(() => {
  'use strict';
  const build = /* scripts/build.sh */ null;
  if (!build || typeof customElements === 'undefined' || customElements.get('eligibility-widget')) return;

  const words = {
    fr: {
      loading: "Chargement du simulateur d'éligibilité…",
      files: "Le simulateur n'a pas pu charger ses fichiers.",
      wasm: "Le simulateur ne peut pas fonctionner sur cette page\u00a0: elle n'autorise pas WebAssembly.",
      old: 'Le simulateur ne peut pas fonctionner dans ce navigateur, trop ancien.',
      broken: "Le simulateur s'est arrêté sur une erreur.",
      links: "Les conditions officielles et la demande d'aide\u00a0:",
    },
    en: {
      loading: 'Loading the eligibility checker…',
      files: 'The checker could not load its files.',
      wasm: 'The checker cannot run on this page: it does not allow WebAssembly.',
      old: 'The checker cannot run in this browser: it is too old.',
      broken: 'The checker stopped on an error.',
      links: 'The official terms and how to apply:',
    },
  };

  /** The URL this script was loaded from, if found. */
  const own = (document.currentScript || {}).src || [...document.querySelectorAll('script[src]')].map((script) => script.src)
    .reverse().find((src) => /\/eligibility-widget(\.[0-9a-f]{10})?\.js$/.test(new URL(src).pathname));
  const base = own && new URL('.', own);

  /** A new element with these attributes and children (nodes or texts). */
  const make = (tag, attributes, children = []) => {
    const element = document.createElement(tag);
    for (const name in attributes) element.setAttribute(name, attributes[name]);
    element.append(...children);
    return element;
  };

  const relList = make('link').relList;
  const modern = typeof WebAssembly === 'object' && typeof CSSStyleSheet === 'function'
    && 'replaceSync' in CSSStyleSheet.prototype && 'adoptedStyleSheets' in ShadowRoot.prototype
    && !!relList && relList.supports('modulepreload');
  // The loader's part of widget.css: the placeholder's and the fallback's styles, and
  // the first part of the form's, given to the engine, which adopts its own after it.
  const sheet = modern && new CSSStyleSheet();
  if (sheet) sheet.replaceSync(build.css);

  /** Fetches a module with its pinned integrity; resolves once it passed. */
  const preload = ([name, integrity]) => new Promise((resolve, reject) => {
    const url = new URL(name, base).href;
    const element = make('link', { rel: 'modulepreload', href: url, integrity });
    element.onload = resolve;
    element.onerror = () => reject(new Error('could not load ' + url + ' with its integrity'));
    (document.head || document.documentElement).append(element);
  });

  let engine = null;
  /** Loads the engine once. A module whose preload failed is never imported: the
   * import would fetch it again, unchecked. */
  const loadEngine = () => engine || (engine = base
    ? preload(build.module).then(() => import(new URL(build.module[0], base).href))
    : Promise.reject(new Error('the <script> that loaded eligibility-widget.js was not found')));

  const given = {};
  /** Gives the engine the programmes' texts in a language (`name`: 'fr' or 'en') or
   * their sources ('sources.fr', 'sources.en'), fetched once for the page with their
   * pinned integrity, beside the engine; a promise that it has them. A failure is
   * forgotten, so that a later need fetches again. */
  const texts = (name) => given[name] || (given[name] = Promise.all([loadEngine(),
    // Without a base, the engine's promise has already failed.
    base && fetch(new URL(build.texts[name][0], base).href, { integrity: build.texts[name][1] })
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(response.status + ' ' + response.url))))])
    .then(([module, text]) => module.texts(name, text))
    .catch((error) => {
      given[name] = null;
      throw error;
    }));

  /** Which of the fallback's messages tells what happened. */
  const reason = (error) => (/Content.Security.Policy|CSP|unsafe-eval/i.test(String(error && error.message)) ? 'wasm' : 'files');

  /** The language of a BCP 47 tag (`fr`, `en-GB`), if French or English: its primary
   * subtag, as the engine reads it (`Lang::from_tag`), so that the texts fetched first
   * are those the engine draws. */
  const tagged = (tag) => {
    const primary = /^\s*(fr|en)(?:[-_]|\s*$)/i.exec(tag || '');
    return primary && primary[1].toLowerCase();
  };
  const langOf = (host) => tagged(host.getAttribute('lang')) || tagged(document.documentElement.getAttribute('lang')) || 'fr';

  // Own properties only: `toString` or `constructor` is no programme of ours.
  const programmesOf = (host) => (host.getAttribute('programme') || '').split(/\s+/)
    .filter((id) => Object.prototype.hasOwnProperty.call(build.programmes, id)).map((id) => build.programmes[id]);

  /** Replaces what the element's shadow root shows with `box`. */
  const show = (host, box) => {
    const root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    if (sheet) root.adoptedStyleSheets = [sheet];
    root.textContent = '';
    root.append(box);
  };

  /** The frame, the toolbar, the title, then light bars where the summary, the first
   * question (its number of options carried by `build`) and the buttons will be. */
  const drawPlaceholder = (host) => {
    const lang = langOf(host);
    const programmes = programmesOf(host);
    const ghost = (kind) => make('span', { class: 'ghost ' + kind });
    const ghosts = (kind, n) => Array.from({ length: n }, () => ghost(kind));
    const lines = (kind, n) => make('div', { class: 'ghost-lines ' + kind }, ghosts('line', n));
    const heading = programmes.length === 1
      ? [make('p', { class: 'title' }, [programmes[0][lang]]), lines('summary', 3)]
      : [make('p', { class: 'title' }, [ghost('inline')]), lines('summary', 1),
        make('ul', {}, programmes.map((p) => make('li', {}, [p[lang]])))];
    show(host, make('div', { class: 'placeholder', lang, 'aria-busy': 'true' }, [
      make('p', { class: 'visually-hidden' }, [words[lang].loading]),
      make('div', { 'aria-hidden': 'true' }, [
        make('div', { class: 'toolbar' }, [ghost('button')]),
        ...heading,
        make('div', { class: 'ghost-question' }, [
          lines('legend', 1),
          make('div', { class: 'ghost-options' }, ghosts('option', programmes.length > 0 ? programmes[0].rows : 2)),
        ]),
        make('div', { class: 'ghost-actions' }, [ghost('button'), ghost('button')]),
      ]),
    ]));
  };

  /** What happened, and the official links. */
  const drawFallback = (host, why) => {
    const lang = langOf(host);
    const links = programmesOf(host).map((p) => make('li', {}, [make('a', { href: p.url }, [p[lang]])]));
    const text = words[lang][why] + (links.length > 0 ? ' ' + words[lang].links : '');
    const box = make('div', { class: 'fallback', lang, role: 'status' }, [make('p', {}, [text])]);
    if (links.length > 0) box.append(make('ul', {}, links));
    show(host, box);
  };

  const linked = /^#eligibility=/.test(location.hash);

  // A panic in the engine, which it is built never to reach, is a WebAssembly trap with
  // no message (scripts/build.sh): a WebAssembly.RuntimeError thrown to whoever called
  // the engine. The element's own calls catch it (`guarded`). The engine's listeners
  // on a shadow root are called by the browser, which reports what they throw to
  // `error` on window, during the event: the widget at work is the one whose shadow
  // root the event is crossing, marked by a listener that runs before the engine's
  // (capture) and unmarked by one that runs after them (added after the engine's).
  // The kinds of event are those the engine listens to (LISTENED in src/widget/dom/mod.rs).
  const listened = ['change', 'submit', 'click', 'keydown', 'keyup'];
  let atWork = null;
  if (modern) {
    window.addEventListener('error', (event) => {
      if (atWork && event.error instanceof WebAssembly.RuntimeError) atWork.crash(event.error);
    });
  }

  const near = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver((entries) => entries.forEach((entry) => entry.isIntersecting && entry.target.load()),
      { rootMargin: '100% 0px' })
    : null;

  class EligibilityWidget extends HTMLElement {
    static get observedAttributes() { return ['programme', 'lang', 'loading', 'features']; }

    connectedCallback() {
      if (!this.state) {
        if (!modern) {
          this.fail('old', new Error('WebAssembly, constructed stylesheets or modulepreload are missing'));
          return;
        }
        this.state = 'waiting';
        drawPlaceholder(this);
      }
      if (this.state !== 'waiting') return;
      // Once the engine is on its way, drawing one more form costs next to nothing; a
      // link to answers (read by the engine, src/widget/share.rs) is what the visitor came for.
      if (!near || engine || this.getAttribute('loading') === 'eager' || linked) this.load();
      else near.observe(this);
    }

    // A widget that leaves the page is freed (its memory and listeners in WebAssembly
    // are not the garbage collector's to reclaim); what the visitor answered stays on
    // the element, and comes back if the element does.
    disconnectedCallback() {
      if (near) near.unobserve(this);
      if (this.widget) {
        if (!this.guarded(() => { this.kept = this.widget.keep(); })) return;
        this.unwatch();
        this.widget.free();
        this.widget = undefined;
        this.state = 'waiting';
      }
    }

    attributeChangedCallback(name) {
      if (this.widget) this.guarded(() => this.widget.refresh());
      else if (this.state === 'failed') drawFallback(this, this.why);
      else if (this.state === 'waiting' && name === 'loading' && this.isConnected) this.connectedCallback();
      else if (this.state) drawPlaceholder(this);
    }

    load() {
      if (this.state !== 'waiting') return;
      this.state = 'loading';
      if (near) near.unobserve(this);
      Promise.all([loadEngine(), texts(langOf(this))]).then(([module]) => {
        // Gone while the engine came: it is drawn when it is back.
        if (!this.isConnected) {
          this.state = 'waiting';
          return;
        }
        try {
          this.widget = new module.Widget(this, this.kept, (name) => this.need(name), sheet);
          this.kept = undefined;
          this.state = 'ready';
          this.watch();
        } catch (error) {
          this.fail('broken', error);
        }
      }, (error) => this.fail(reason(error), error));
    }

    /** The engine asks for what it has not got (`texts`): the texts of a language (the
     * language button, or a `lang` attribute), or the sources (the visitor acts). Once
     * given, the widget is refreshed, which shows them; if they cannot come, it is
     * told, and says so. Both through `guarded`, as the element's other calls of the
     * engine. */
    need(name) {
      texts(name).then(() => this.widget && this.guarded(() => this.widget.refresh()), (error) => {
        console.error('eligibility-widget: could not load ' + build.texts[name][0] + '.', error);
        if (this.widget) this.guarded(() => this.widget.unavailable(name));
      });
    }

    /** Marks this widget at work while an event crosses its shadow root (above), and
     * looks at the engine after its listeners (`idle`). */
    watch() {
      const root = this.shadowRoot;
      const mark = () => { atWork = this; };
      const unmark = () => {
        if (atWork === this) atWork = null;
        queueMicrotask(() => this.idle());
      };
      /** `method`: addEventListener or removeEventListener. */
      const listeners = (method) => listened.forEach((kind) => {
        root[method](kind, mark, true);
        root[method](kind, unmark);
      });
      listeners('addEventListener');
      this.unwatch = () => {
        listeners('removeEventListener');
        this.unwatch = () => {};
      };
    }

    /** Calls the engine; a trap stops this widget (and is not thrown on), any other
     * error is thrown as before, and the engine looked at once it is over (`idle`).
     * Whether the engine came back. */
    guarded(call) {
      try {
        call();
        return true;
      } catch (error) {
        if (!(error instanceof WebAssembly.RuntimeError)) {
          queueMicrotask(() => this.idle());
          throw error;
        }
        this.crash(error);
        return false;
      }
    }

    /** In a microtask, so with no call of the engine under way: an engine still busy
     * was left so by an exception thrown through it (a page that replaced a DOM method
     * it calls without `catch`, src/widget/dom/element.rs), which skipped the release
     * of its state, and would queue the visitor's answers for ever: stopped, as after a trap. */
    idle() {
      if (!this.widget) return;
      let busy;
      try {
        busy = this.widget.busy() && new Error('the engine was left busy by an exception thrown through it');
      } catch (error) {
        busy = error; // a trap, or the glue refusing a state left taken
      }
      if (busy) this.crash(busy);
    }

    /** The engine trapped while at work for this widget: the widget is freed, as far as
     * the trap left it able to be, and shows the fallback, which says it stopped on an
     * error and gives the links. The other widgets of the page go on. */
    crash(error) {
      const widget = this.widget;
      this.widget = undefined;
      this.kept = undefined;
      if (atWork === this) atWork = null;
      if (this.unwatch) this.unwatch();
      try {
        if (widget) widget.free();
      } catch (ignored) {
        // What the trap left may not free; the element lets go of it either way.
      }
      this.fail('broken', error);
    }

    fail(why, error) {
      this.state = 'failed';
      this.why = why;
      console.error('eligibility-widget: ' + words.en[why] + ' See docs/hosting.md.', error);
      drawFallback(this, why);
    }
  }

  customElements.define('eligibility-widget', EligibilityWidget);
})();
