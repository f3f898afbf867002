import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { junkNameStrength } from '@/utils/page/exclude';
import { PAGES, pageNames } from './corpus';

describe('naming boilerplate by class and id', () => {
  it('splits words at separators and camelCase humps', () => {
    expect(junkNameStrength('share-bar')).toBe('strong');
    expect(junkNameStrength('socialButtons')).toBe('strong');
    expect(junkNameStrength('relatedLinks')).toBe('strong');
    expect(junkNameStrength('article__share')).toBe('strong');
    expect(junkNameStrength('ad-slot')).toBe('weak');
    expect(junkNameStrength('header loaded')).toBeNull(); // "ad" only as a word
    expect(junkNameStrength('photo-gallery')).toBe('media');
    expect(junkNameStrength('sidebar')).toBe('weak');
  });

  it('reads a name its quick test lets through the same as any other', () => {
    expect(junkNameStrength('xAd')).toBe('weak'); // a hump starts a word
    expect(junkNameStrength('Xad')).toBeNull(); // no hump: one word, "xad"
    expect(junkNameStrength('ADS')).toBe('weak');
    expect(junkNameStrength('SHAREbar')).toBe('strong'); // one word, "sharebar"
    expect(junkNameStrength('coo\u212Aie')).toBe('weak'); // the Kelvin sign lower-cases to "k"
    expect(junkNameStrength('padding shadow loaded')).toBeNull();
  });

  it('reads two-word names, negations and body words', () => {
    expect(junkNameStrength('sr-only')).toBe('strong');
    expect(junkNameStrength('readMore')).toBe('strong');
    expect(junkNameStrength('see_also')).toBe('strong');
    expect(junkNameStrength('more read')).toBeNull(); // the two words, but not in that order
    expect(junkNameStrength('no-caption')).toBeNull();
    expect(junkNameStrength('has-comments')).toBeNull();
    expect(junkNameStrength('article-caption')).toBeNull(); // a weak word in a body token
    expect(junkNameStrength('article-comments')).toBe('strong'); // a strong word wins
    expect(junkNameStrength('story-body caption')).toBe('weak'); // tokens are read apart
    expect(junkNameStrength('  ')).toBeNull();
    expect(junkNameStrength('')).toBeNull();
  });

  it('classifies every class name of the corpus pages as the rule stated plainly does', () => {
    const names = new Set<string>();
    for (const page of pageNames()) {
      const html = readFileSync(join(PAGES, page, 'source.html'), 'utf8');
      for (const match of html.matchAll(/\s(?:class|id)\s*=\s*"([^"]{1,300})"/g)) names.add(match[1]);
    }
    expect(names.size).toBeGreaterThan(5000);
    const differences = [...names].filter((name) => junkNameStrength(name) !== bySplitting(name));
    expect(differences).toEqual([]);
  });
});

/** The rule stated plainly: split each token into lower-cased words, then look them up. */
function bySplitting(name: string): string | null {
  const STRONG = /^(?:share|sharing|sharebar|shares|social|socials|related|relatedlinks|comment|comments|commenting|disqus|promo|promos|newsletter|newsletters|advert|adverts|advertisement|advertising|byline|bylines|outbrain|taboola|recirc|recirculation|sponsor|sponsored|paywall|breadcrumb|breadcrumbs|adslot|adunit|adcontainer|adwrapper|teads|adsense|doubleclick)$/;
  const WEAK = /^(?:ad|ads|dfp|sidebar|popup|modal|cookie|cookies|gdpr|consent|caption|captions|credit|credits|toolbar|tooltip|signup|subscribe|subscription|rail|widget|widgets|pagination|pager|masthead|navbar|nav|menu|footer|trending|timestamp|banner|tags|artboard|chart|charts|graphic|graphics|infographic)$/;
  const MEDIA = /^(?:gallery|galleries|slideshow|slideshows|carousel|lightbox|playlist)$/;
  const BODY = /^(?:article|body|content|main|story|text|entry|post|paragraph|paragraphs|prose|rich|richtext|copy|commentary)$/;
  const PAIR = /(?:^| )(?:sr only|visually hidden|screen reader|skip link|skip to|read more|more stories|most popular|most read|author bio|video player|also read|see also|read next|up next)(?: |$)/;
  const rank = { media: 3, strong: 2, weak: 1 } as const;
  let result: keyof typeof rank | null = null;
  for (const token of name.split(/\s+/)) {
    const words = token.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_\-:.]+/).filter(Boolean);
    if (words.length === 0 || /^(?:no|not|without|hide|has|with|is|show)$/.test(words[0])) continue;
    let strength: keyof typeof rank | null = null;
    if (words.some((w) => STRONG.test(w)) || PAIR.test(words.join(' '))) strength = 'strong';
    else if (words.some((w) => BODY.test(w))) strength = null;
    else if (words.some((w) => MEDIA.test(w))) strength = 'media';
    else if (words.some((w) => WEAK.test(w))) strength = 'weak';
    if (strength && (result === null || rank[strength] > rank[result])) result = strength;
  }
  return result;
}
