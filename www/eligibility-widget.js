// <eligibility-widget programme="…" lang="fr|en">: the publisher's one script tag.
//
// A thin shell: it registers the element and loads the WebAssembly build once, from
// the folder this script came from (so a CDN path works), for every widget on the
// page, including those added later. The form itself is drawn by Rust (src/widget).
// If WebAssembly cannot run, each widget shows a short message and the official link.
(() => {
  const base = new URL('.', document.currentScript ? document.currentScript.src : location.href);
  let engine;
  const load = () => (engine ??= import(new URL('index.js', base).href));

  const fallbackText = {
    fr: "Le simulateur ne peut pas fonctionner dans ce navigateur. Les conditions officielles et la demande d'aide\u00a0:",
    en: 'The checker cannot run in this browser. The official terms and how to apply:',
  };

  async function showFallback(element, error) {
    console.error('eligibility-widget: WebAssembly could not run', error);
    const tag = element.getAttribute('lang') || document.documentElement.lang || 'fr';
    const lang = tag.toLowerCase().startsWith('en') ? 'en' : 'fr';
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const message = document.createElement('p');
    message.setAttribute('role', 'status');
    message.textContent = fallbackText[lang] + ' ';
    root.replaceChildren(message);
    const response = await fetch(new URL('programmes.json', base)).catch(() => null);
    const programmes = response && response.ok ? await response.json() : [];
    for (const id of (element.getAttribute('programme') || '').split(/\s+/)) {
      const programme = programmes.find((p) => p.id === id);
      if (!programme) continue;
      const link = document.createElement('a');
      link.href = programme.apply_url;
      link.textContent = programme.name[lang];
      message.append(link, ' ');
    }
  }

  class EligibilityWidget extends HTMLElement {
    static observedAttributes = ['programme', 'lang'];

    connectedCallback() {
      if (this.widget || this.pending) return;
      this.pending = load()
        .then((engine) => { this.widget = new engine.Widget(this); })
        .catch((error) => showFallback(this, error));
    }

    attributeChangedCallback() {
      this.widget?.refresh();
    }
  }

  if (!customElements.get('eligibility-widget')) {
    customElements.define('eligibility-widget', EligibilityWidget);
  }
})();
