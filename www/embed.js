// embed.html's script: reads `programme`, `lang` and `origin` from the page's address,
// gives the element its attributes, and tells the parent page
// - its height, whenever it changes: { source: 'eligibility-widget', type: 'height', height }
// - each change of verdict, only when `origin` names the parent page:
//   { source: 'eligibility-widget', type: 'eligibility-result', detail }, `detail` being
//   the element's event detail. Results are the visitor's data: they go to that origin
//   alone (postMessage's target origin; the browser drops them if the parent page is
//   any other), and, without `origin`, to no one. The height goes to `origin` too when
//   given, else to any parent ("*"): it says how tall the form is, not what was answered.
// Runs before eligibility-widget.js (both deferred, in this order).
(function () {
  'use strict';
  const params = new URLSearchParams(location.search);
  const lang = params.get('lang') === 'en' ? 'en' : 'fr';
  document.documentElement.lang = lang;
  document.title = lang === 'en' ? 'Eligibility checker' : "Simulateur d'éligibilité";
  const widget = document.querySelector('eligibility-widget');
  widget.setAttribute('programme', params.get('programme') || '');
  widget.setAttribute('lang', lang);
  // A browser without constructed stylesheets gets the element's fallback, margins and all.
  if ('adoptedStyleSheets' in document) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('html, body { margin: 0; background: transparent; } eligibility-widget { max-width: none; }');
    document.adoptedStyleSheets = [sheet];
  }

  /** `origin` if it is exactly an origin (`https://news.example`), else null. */
  function originParameter() {
    const given = params.get('origin');
    try {
      return given && new URL(given).origin === given ? given : null;
    } catch {
      return null;
    }
  }
  const origin = originParameter();
  if (window.parent === window) return;
  const post = (message, target) => window.parent.postMessage(Object.assign({ source: 'eligibility-widget' }, message), target);
  let last = -1;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    post({ type: 'height', height }, origin || '*');
  }).observe(document.documentElement);
  if (origin) widget.addEventListener('eligibility-result', (event) => post({ type: 'eligibility-result', detail: event.detail }, origin));
})();
