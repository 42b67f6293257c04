/**
 * Guesses what kind of document a policy is from its title (or file name when the title says nothing), so a
 * school's AUP is compared with other AUPs and its online-safety policy with other online-safety policies.
 */
import type { DocumentKind } from './types.ts';

/** Title words that make a document an acceptable-use policy or staff code of conduct for technology. */
const AUP = [
  /\bacceptable[\s-]+use\b/,
  /\baup\b/,
  /\bauas?\b/,
  /\b(?:ict|it|computer|computing|internet|network|email|e-mail|technology|digital|systems?)[\s-]+(?:use|user|usage|access)\b/,
  /\buse[\s-]+of[\s-]+(?:ict|it|the[\s-]+internet|internet|computers?|technology|digital[\s-]+technology|school[\s-]+systems)\b/,
  /\b(?:ict|computing|computer|digital|technology|online|internet)[\s-]+(?:code[\s-]+of[\s-]+conduct|agreement|rules|charter)\b/,
  /\buser[\s-]+agreement\b/,
];

const ONLINE_SAFETY = [
  /\bon[\s-]?line[\s-]+safety\b/,
  /\be[\s-]?safety\b/,
  /\binternet[\s-]+safety\b/,
  /\bdigital[\s-]+safety\b/,
  /\bonline[\s-]+safeguarding\b/,
  /\bsafer[\s-]+internet\b/,
];

const SOCIAL_MEDIA = [/\bsocial[\s-]+(?:media|networking|networks?)\b/];

function classify(text: string): DocumentKind | null {
  const t = text.toLowerCase().replace(/[_.]+/g, ' ');
  // Acceptable-use titles often list social media or online safety among their topics ("Acceptable use of ICT,
  // mobile devices and social networking sites"), so the acceptable-use wording wins.
  if (AUP.some((re) => re.test(t))) return 'aup';
  if (ONLINE_SAFETY.some((re) => re.test(t))) return 'online-safety';
  if (SOCIAL_MEDIA.some((re) => re.test(t))) return 'social-media';
  return null;
}

/** `aup` / `online-safety` / `social-media` from the title's words, else the file name's; `other` otherwise. */
export function documentKind(title: string | null | undefined, fileName?: string | null): DocumentKind {
  const fromTitle = title ? classify(title) : null;
  if (fromTitle) return fromTitle;
  const base = (fileName ?? '').replace(/^.*[\\/]/, '').replace(/\.[a-z0-9]+$/i, '');
  return (base ? classify(base) : null) ?? 'other';
}
