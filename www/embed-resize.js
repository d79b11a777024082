// For a page that shows the widget in an iframe (embed.html) and may run one script:
//   <script src="https://cdn.example/eligibility/embed-resize.js" async></script>
// Fits each such iframe to the height its page reports, and dispatches the
// `eligibility-result` events it forwards (embed.html's `origin` parameter) on the
// iframe element, bubbling, as the element would: one listener serves both ways.
// A message counts only if it comes from the window of an iframe of this page, from
// the origin that iframe's `src` names (not from a page the iframe was sent to).
(function () {
  'use strict';
  addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.source !== 'eligibility-widget') return;
    const frames = document.querySelectorAll('iframe');
    for (let i = 0; i < frames.length; i += 1) {
      const frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (new URL(frame.src, location.href).origin !== event.origin) return;
      if (data.type === 'height' && Number.isFinite(data.height) && data.height > 0) {
        frame.style.height = `${Math.ceil(data.height)}px`;
      } else if (data.type === 'eligibility-result') {
        frame.dispatchEvent(new CustomEvent('eligibility-result', { detail: data.detail, bubbles: true }));
      }
      return;
    }
  });
})();
