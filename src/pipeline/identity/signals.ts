/**
 * What one document says about whose it is, gathered while the document is analysed (the corpus step no longer
 * has its text): the name it gives, the school domains in its addresses, its folder and the words of its file name.
 */
import type { MetaValue } from '../types.ts';
import { domainsIn, isSchoolDomain } from './domains.ts';
import { canonicalWord, distinctiveWords, nameKey } from './name-key.ts';

export interface IdentitySignals {
  /** The school name the document gives (placeholders left out), and how it was found. */
  name: string | null;
  nameSource: MetaValue<string>['source'] | null;
  /** School-like e-mail and web domains in the text, sorted. */
  domains: string[];
  /** The first folder under the input folder, or null for a file directly in it. */
  folder: string | null;
  /** Words of the file name (and folder path), lower-case, without years, versions and policy words. */
  fileWords: string[];
}

/** Words in file names that say what the document is or when, not whose. */
const FILE_NOISE = new Set(
  (
    'policy policies aup aua acceptable use user users agreement agreements staff online safety esafety e safety ict ' +
    'it internet social media networking computing code conduct of and the for final draft copy version v updated ' +
    'revised new old latest current signed approved review reviewed doc docx pdf txt md html mobile devices device ' +
    'technology guidance guidelines data protection security information email e mail pupil pupils student students ' +
    'parent parents volunteers governors template model annex appendix jan feb mar apr may jun jul aug sep sept oct ' +
    'nov dec january february march april june july august september october november december school academy ' +
    'primary junior infant nursery secondary high college ce rc catholic church england community trust federation'
  ).split(/\s+/),
);

export function fileWordsOf(sourceFile: string): string[] {
  const withoutExt = sourceFile.replace(/\.[a-z0-9]{1,5}$/i, '');
  const words = withoutExt
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/([a-z])'s\b/g, '$1')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !/^\d+$/.test(w) && !/^v\d+$/.test(w) && !FILE_NOISE.has(w))
    .map((w) => (w === 'saint' ? 'st' : canonicalWord(w)));
  return [...new Set(words)].sort();
}

export function identitySignals(
  text: string,
  school: MetaValue<string> | null,
  schoolIsPlaceholder: boolean,
  sourceFile: string,
): IdentitySignals {
  // A name guessed from an address ("Stmaryswinton") is the address again, and spelt worse: the domain itself is
  // the evidence.
  const guessed = school?.source === 'email-domain' || school?.source === 'url';
  const name = school && !schoolIsPlaceholder && !guessed ? school.value : null;
  const key = nameKey(name);
  const own = key ? distinctiveWords(key) : [];
  const parts = sourceFile.split('/');
  return {
    name,
    nameSource: name ? (school?.source ?? null) : null,
    domains: domainsIn(text).filter((d) => isSchoolDomain(d, own)),
    folder: parts.length > 1 ? (parts[0] ?? null) : null,
    fileWords: fileWordsOf(sourceFile),
  };
}
