/**
 * Node-side only (CLI and tests): parse an HTML string into a Document with happy-dom, with scripts,
 * style sheets, frames and navigation all off. Never import this from browser code.
 */
import { Window } from 'happy-dom';

/**
 * happy-dom 21 loses everything after a <style> or <script> inside an <svg> (browsers parse it fine).
 * Those elements never hold article text, so they are dropped from inline SVG before parsing.
 */
export function withoutSvgRawText(html: string): string {
  if (!/<svg\b/i.test(html)) return html;
  return html.replace(/<svg\b[\s\S]*?<\/svg\s*>/gi, (svg) =>
    /<(?:style|script)\b/i.test(svg) ? svg.replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '') : svg,
  );
}

export function parseHtml(html: string, url = 'https://example.invalid/'): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      enableImageFileLoading: false,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
        disableFallbackToSetURL: true,
      },
    },
  });
  // written into the window's own document (not DOMParser): ranges then work as in a browser tab
  const document = window.document;
  document.write(withoutSvgRawText(html));
  return document as unknown as Document;
}
