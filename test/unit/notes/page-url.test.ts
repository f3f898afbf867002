// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { canonicalPageUrl, normalizePageUrl, siteOf } from '@/utils/notes/page-url';

describe('page URLs', () => {
  it('drops fragments and tracking parameters, keeps the rest', () => {
    expect(normalizePageUrl('https://WWW.Example.com:443/a/b?id=7&utm_source=tw&fbclid=1&gclid=2#para-3')).toBe(
      'https://www.example.com/a/b?id=7',
    );
  });

  it('refuses anything that is not a web page', () => {
    expect(normalizePageUrl('file:///etc/passwd')).toBeNull();
    expect(normalizePageUrl('javascript:alert(1)')).toBeNull();
    expect(normalizePageUrl('not a url')).toBeNull();
  });

  it('names the site without www', () => {
    expect(siteOf('https://www.nytimes.com/2017/01/13/world/africa/x.html')).toBe('nytimes.com');
  });

  it('prefers the canonical link, then og:url, on the same site only', () => {
    const page = (head: string) => {
      document.head.innerHTML = head;
      return canonicalPageUrl(document);
    };
    const here = new URL(location.href);
    const same = `${here.protocol}//${here.host}`;
    expect(page(`<link rel="canonical" href="${same}/story?utm_medium=x">`)).toBe(`${same}/story`);
    expect(page(`<meta property="og:url" content="/relative-story">`)).toBe(`${same}/relative-story`);
    expect(page(`<link rel="canonical" href="https://elsewhere.example/">`)).toBe(normalizePageUrl(location.href));
  });

  it('is idempotent, so a stored URL normalizes to itself (import relies on it)', () => {
    for (const raw of ['https://WWW.Example.com:443/a/b?id=7&utm_source=tw#x', 'http://example.com:8080/p?q=%20a&ref=home', 'https://例え.jp/ページ?x=ü']) {
      const once = normalizePageUrl(raw)!;
      expect(once).not.toBeNull();
      expect(normalizePageUrl(once)).toBe(once);
    }
    // Known: dropping a parameter re-serializes the query the URLSearchParams way (%20 becomes +).
    expect(normalizePageUrl('http://example.com:8080/p?q=%20a&ref=home')).toBe('http://example.com:8080/p?q=+a');
    expect(normalizePageUrl('http://example.com:8080/p?q=%20a')).toBe('http://example.com:8080/p?q=%20a');
  });
});
