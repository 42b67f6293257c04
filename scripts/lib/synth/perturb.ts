/**
 * Word-level variation. A document gets a consistent "voice" (pupils or students, Headteacher or Principal, ICT or
 * IT, e-safety or online safety) plus a sprinkle of per-occurrence changes (must/should, synonyms), so that no two
 * synthetic policies are the same text, the way two schools adapting one model policy never are.
 */
import type { Random } from './prng.ts';

export interface Voice {
  pupils: string;
  pupil: string;
  head: string;
  ict: string;
  email: string;
  governingBody: string;
  eSafety: string;
  /** Probability that each synonym site changes. */
  rate: number;
  /** Probability that each must/should flips (kept low: it changes the meaning). */
  modalRate: number;
  /** Bring the Data Protection Act up to date when the policy is 2018 or later. */
  dpa2018: boolean;
}

export function makeVoice(rng: Random, year: number, academy: boolean): Voice {
  const pupils = rng.weighted([['pupils', 60], ['students', 30], ['children', 10]] as const);
  return {
    pupils,
    pupil: pupils === 'pupils' ? 'pupil' : pupils === 'students' ? 'student' : 'child',
    head: rng.weighted([
      ['Headteacher', 45], ['Head Teacher', 20], ['headteacher', 10], [academy ? 'Principal' : 'Head', 15], ['Head of School', 10],
    ] as const),
    ict: rng.weighted([['ICT', 70], ['IT', 30]] as const),
    email: rng.chance(0.5) ? 'email' : 'e-mail',
    governingBody: academy
      ? rng.pick(['Governing Body', 'Local Governing Body', 'Board of Trustees'])
      : rng.pick(['Governing Body', 'Governing Board', 'Governing Body']),
    eSafety: year >= 2019 ? (rng.chance(0.75) ? 'online safety' : 'e-safety') : rng.chance(0.8) ? 'e-safety' : 'online safety',
    rate: rng.pick([0.05, 0.1, 0.2, 0.3]),
    modalRate: rng.pick([0, 0.02, 0.05]),
    dpa2018: year >= 2018 && rng.chance(0.85),
  };
}

const SYNONYMS: Record<string, readonly string[]> = {
  ensure: ['make sure'],
  'make sure': ['ensure'],
  immediately: ['without delay', 'as soon as possible', 'immediately'],
  'as soon as possible': ['immediately', 'promptly'],
  inappropriate: ['unsuitable', 'inappropriate'],
  unsuitable: ['inappropriate'],
  prohibited: ['forbidden', 'not permitted'],
  forbidden: ['prohibited', 'not allowed'],
  regularly: ['frequently', 'on a regular basis'],
  'social networking sites': ['social media sites', 'social networking sites'],
  'in addition': ['additionally', 'furthermore'],
  'staff members': ['members of staff', 'staff'],
  'members of staff': ['staff members', 'staff', 'colleagues'],
  'school premises': ['school site', 'school grounds'],
  equipment: ['equipment', 'devices'],
  'personal use': ['private use', 'personal use'],
  'disciplinary action': ['disciplinary action', 'action under the disciplinary procedure'],
  'the internet': ['the Internet', 'the internet'],
};

const MODALS: Record<string, string> = { 'must not': 'should not', 'should not': 'must not', must: 'should', should: 'must' };

const VOICE_RE =
  /\b(?:pupils|students|pupil|student|head ?teacher|ICT|e-?mail|Governing Body|e-?safety|online safety|Data Protection Act 1998)\b/gi;
const SYNONYM_RE = new RegExp(
  `\\b(?:${Object.keys(SYNONYMS)
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/ /g, '\\s'))
    .join('|')})\\b`,
  'gi',
);
const MODAL_RE = /\b(?:must not|should not|must|should)\b/g;

/** Gives `to` the capitalisation of `from`: "Pupils" → "Students", "ICT" stays as written in the voice. */
function matchCase(from: string, to: string): string {
  if (from.length > 1 && from === from.toUpperCase() && /[a-z]/i.test(from) && to !== to.toUpperCase()) {
    return /^[A-Z]+$/.test(from) && from.length <= 4 ? to : to.toUpperCase();
  }
  const first = from[0] ?? '';
  if (first !== first.toLowerCase()) return (to[0] ?? '').toUpperCase() + to.slice(1);
  return to;
}

function voiceWord(voice: Voice, word: string): string {
  const w = word.toLowerCase();
  if (w === 'pupils' || w === 'students') return matchCase(word, voice.pupils);
  if (w === 'pupil' || w === 'student') return matchCase(word, voice.pupil);
  if (/^head ?teacher$/.test(w)) return voice.head;
  if (word === 'ICT') return voice.ict;
  if (word === 'ict') return word;
  if (/^e-?mail$/.test(w)) return matchCase(word, voice.email);
  if (w === 'governing body') return voice.governingBody;
  if (/^e-?safety$|^online safety$/.test(w)) return matchCase(word, voice.eSafety);
  if (w === 'data protection act 1998') return voice.dpa2018 ? 'Data Protection Act 2018' : word;
  return word;
}

/** Rewrites one clause in the document's voice, with a few random word swaps. Placeholders pass through. */
export function perturb(text: string, voice: Voice, rng: Random): string {
  // "pupils, staff, parents, students" names two groups: unifying the words there would list one group twice.
  const bothGroups = /\bpupils?\b/i.test(text) && /\bstudents?\b/i.test(text);
  let out = text.replace(VOICE_RE, (m) => (bothGroups && /^(?:pupil|student)s?$/i.test(m) ? m : voiceWord(voice, m)));
  if (voice.rate > 0) {
    out = out.replace(SYNONYM_RE, (m) => {
      if (!rng.chance(voice.rate)) return m;
      const options = SYNONYMS[m.toLowerCase().replace(/\s+/g, ' ')];
      return options ? matchCase(m, rng.pick(options)) : m;
    });
  }
  if (voice.modalRate > 0) {
    out = out.replace(MODAL_RE, (m) => (rng.chance(voice.modalRate) ? (MODALS[m] ?? m) : m));
  }
  return out;
}
