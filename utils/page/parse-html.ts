/**
 * Node-side only (CLI and tests): parse an HTML string into a Document with happy-dom, with scripts,
 * style sheets, frames and navigation all off. Never import this from browser code.
 */
import { Window } from 'happy-dom';

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
  document.write(html);
  return document as unknown as Document;
}
