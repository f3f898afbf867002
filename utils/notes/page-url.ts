/** Query parameters that only track the reader; dropped so one article has one URL. */
const TRACKING_PARAMETER = /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|ref|ref_src|cmpid|smid|icid|ocid|at_medium|at_campaign)$/i;

/**
 * The URL notes are filed under: http(s) only, no fragment, no tracking parameters,
 * host lower-cased, default port dropped. Returns null for anything that is not a web page.
 */
export function normalizePageUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  // forEach rather than keys(): in Firefox content scripts the iterator of a URL is not iterable.
  const tracking: string[] = [];
  url.searchParams.forEach((_, key) => TRACKING_PARAMETER.test(key) && tracking.push(key));
  for (const key of tracking) url.searchParams.delete(key);
  url.hostname = url.hostname.toLowerCase();
  return url.toString();
}

/** The site a page belongs to, as readers name it: host without a leading "www.". */
export function siteOf(pageUrl: string): string {
  try {
    return new URL(pageUrl).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/**
 * The page's canonical URL (link[rel=canonical], then og:url, then its address), normalized.
 * A canonical link on another site is ignored: a page must not file notes under someone else's URL.
 */
export function canonicalPageUrl(doc: Document): string | null {
  const here = doc.location?.href ?? doc.URL;
  const candidates = [
    doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]')?.getAttribute('href'),
    doc.querySelector<HTMLMetaElement>('meta[property="og:url" i][content]')?.getAttribute('content'),
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    let resolved: string;
    try {
      resolved = new URL(candidate, here).toString();
    } catch {
      continue;
    }
    const normalized = normalizePageUrl(resolved);
    if (normalized && siteOf(normalized) === siteOf(here)) return normalized;
  }
  return normalizePageUrl(here);
}
