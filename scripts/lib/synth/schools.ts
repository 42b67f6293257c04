/**
 * Invented schools for the synthetic corpus: names, local authorities, trusts, phases and nations, in the shape of
 * content/schools.csv. Local authority names are real (so group views look familiar); schools and trusts are not.
 */
import { Random } from './prng.ts';

export interface SynthSchool {
  id: string;
  name: string;
  /** Short form used in running text ("Oakfield"). */
  short: string;
  urn: string;
  localAuthority: string;
  trust: string;
  phase: string;
  nation: 'England' | 'Wales' | 'Scotland' | 'Northern Ireland';
  /** Web domain for e-mail addresses in the text. */
  domain: string;
}

const ENGLISH_LAS = [
  'Barnet', 'Barnsley', 'Birmingham', 'Bradford', 'Brighton and Hove', 'Bristol', 'Calderdale', 'Cambridgeshire',
  'Camden', 'Cornwall', 'Coventry', 'Croydon', 'Cumberland', 'Derbyshire', 'Devon', 'Durham', 'Essex',
  'Gloucestershire', 'Hackney', 'Hampshire', 'Hertfordshire', 'Kent', 'Kirklees', 'Lambeth', 'Lancashire', 'Leeds',
  'Leicestershire', 'Lincolnshire', 'Liverpool', 'Manchester', 'Milton Keynes', 'Newcastle upon Tyne', 'Norfolk',
  'North Yorkshire', 'Northumberland', 'Nottinghamshire', 'Oxfordshire', 'Portsmouth', 'Reading', 'Sheffield',
  'Slough', 'Somerset', 'Southampton', 'Staffordshire', 'Stockport', 'Suffolk', 'Sunderland', 'Surrey',
  'Wakefield', 'Warwickshire', 'Wigan', 'Wiltshire',
] as const;
const WELSH_LAS = ['Cardiff', 'Swansea', 'Gwynedd', 'Powys'] as const;
const SCOTTISH_LAS = ['Glasgow City', 'City of Edinburgh', 'Fife', 'Highland'] as const;
const NI_LAS = ['Education Authority (Belfast)'] as const;

const FIRST = [
  'Oak', 'Ash', 'Elm', 'Beech', 'Birch', 'Holly', 'Hazel', 'Maple', 'Willow', 'Brook', 'Fair', 'High', 'King',
  'Mill', 'North', 'South', 'East', 'West', 'Red', 'Green', 'Stone', 'Fox', 'Lark', 'Moor', 'New', 'Old', 'Rose',
  'Spring', 'Thorn', 'Church', 'Castle', 'Sand', 'Lang', 'Hart', 'Bram', 'Wood', 'Marsh', 'Cherry', 'Bridge',
] as const;
const SECOND = [
  'field', 'wood', 'bank', 'brook', 'hill', 'dale', 'mead', 'gate', 'side', 'way', 'ford', 'ley', 'ton', 'croft',
  'lands', 'bury', 'combe', 'well', 'grove', 'park', 'view', 'hurst', 'stead', 'moor',
] as const;
const SAINTS = [
  "St Mary's", "St John's", "St Peter's", "St Joseph's", 'Holy Trinity', 'Christ Church', "St Michael's",
  'All Saints', 'Sacred Heart', 'Our Lady of Lourdes', "St Anne's", "St George's", "St Patrick's",
  "St Augustine's", 'St Thomas More', "St Bede's", "St Chad's", "St Hilda's", "St Oswald's", 'Holy Family',
] as const;

type Phase = 'primary' | 'secondary' | 'all-through' | 'nursery' | 'special' | 'middle' | 'alternative provision';

const PHASES: ReadonlyArray<readonly [Phase, number]> = [
  ['primary', 62], ['secondary', 20], ['all-through', 3], ['nursery', 4], ['special', 6], ['middle', 2],
  ['alternative provision', 3],
];

const SECULAR_TYPES: Record<Phase, readonly string[]> = {
  primary: ['Primary School', 'Primary Academy', 'Infant School', 'Junior School', 'Community Primary School', 'Nursery and Infant School', 'Primary School and Nursery'],
  secondary: ['High School', 'Academy', 'School', 'Community College', 'Secondary School', 'Grammar School', 'School and Sixth Form College'],
  'all-through': ['All-Through School', 'Academy', 'School'],
  nursery: ['Nursery School', 'Montessori Nursery', "Children's Centre and Nursery School"],
  special: ['Special School', 'School', 'Academy'],
  middle: ['Middle School'],
  'alternative provision': ['Pupil Referral Unit', 'Learning Centre', 'Alternative Provision Academy'],
};
const FAITH_TYPES: Partial<Record<Phase, readonly string[]>> = {
  primary: ['CE Primary School', 'Catholic Primary School', 'C of E Primary School', 'Church of England Primary Academy', 'RC Primary School', 'Catholic Primary and Nursery School'],
  secondary: ['Catholic High School', 'Church of England Academy', 'Catholic College', 'CE High School'],
  'all-through': ['Catholic Academy'],
};

const TRUST_WORDS = [
  'Aspire', 'Beacon', 'Compass', 'Endeavour', 'Horizon', 'Keystone', 'Lighthouse', 'Meridian', 'Northstar',
  'Pathway', 'Pinnacle', 'Quest', 'Summit', 'Unity', 'Vantage', 'Evolve', 'Harmony', 'Inspire', 'Kinship', 'Legacy',
  'Orchard', 'Riverbend', 'Seedling', 'Tapestry', 'Waymark', 'Acorn', 'Bridgewater', 'Cornerstone', 'Discovery',
  'Elevate', 'Forge', 'Gateway', 'Heritage', 'Ivybridge', 'Juniper', 'Lantern',
] as const;
const TRUST_FORMS = ['{} Learning Trust', '{} Academy Trust', '{} Multi-Academy Trust', 'The {} Partnership Trust', '{} Education Trust', '{} Schools Trust'] as const;

export function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

interface Trust {
  name: string;
  las: string[];
}

function makeTrusts(rng: Random, count: number): Trust[] {
  const trusts: Trust[] = [];
  const used = new Set<string>();
  for (let i = 0; trusts.length < count && i < count * 20; i++) {
    const word = rng.pick(TRUST_WORDS);
    const form = rng.pick(TRUST_FORMS);
    let name = form.replace('{}', word);
    if (used.has(name)) name = form.replace('{}', `${word} ${rng.pick(['Valley', 'Coast', 'Vale', 'Forest', 'Moor', 'City', 'Shires'])}`);
    if (used.has(name)) continue;
    used.add(name);
    // Trusts are regional: schools of one trust sit in one or two neighbouring authorities.
    const first = rng.int(0, ENGLISH_LAS.length - 1);
    const las = [ENGLISH_LAS[first] as string];
    if (rng.chance(0.4)) las.push(ENGLISH_LAS[(first + 1) % ENGLISH_LAS.length] as string);
    trusts.push({ name, las });
  }
  return trusts;
}

/** `count` schools with unique ids and URNs, in a fixed order for a given seed. */
export function makeSchools(seed: number, count: number): SynthSchool[] {
  const rng = Random.derive(seed, 'schools');
  const trusts = makeTrusts(Random.derive(seed, 'trusts'), Math.max(4, Math.ceil(count / 9)));
  const ids = new Set<string>();
  const namesByLa = new Set<string>();
  const urns = new Set<string>();
  const out: SynthSchool[] = [];
  for (let i = 0; i < count; i++) {
    const nation = rng.weighted<SynthSchool['nation']>([['England', 90], ['Wales', 5], ['Scotland', 4], ['Northern Ireland', 1]]);
    const phase = rng.weighted(PHASES);
    let trust = '';
    let la: string;
    if (nation === 'England') {
      // Most secondaries and many primaries are academies in a trust.
      const inTrust = rng.chance(phase === 'secondary' ? 0.7 : phase === 'nursery' ? 0.05 : 0.4);
      if (inTrust) {
        const t = rng.pick(trusts);
        trust = t.name;
        la = rng.pick(t.las);
      } else la = rng.pick(ENGLISH_LAS);
    } else la = rng.pick(nation === 'Wales' ? WELSH_LAS : nation === 'Scotland' ? SCOTTISH_LAS : NI_LAS);

    let name = '';
    let short = '';
    for (let attempt = 0; attempt < 50; attempt++) {
      const faith = FAITH_TYPES[phase];
      if (faith && rng.chance(0.25)) {
        short = rng.pick(SAINTS);
        name = `${short} ${rng.pick(faith)}`;
      } else {
        const first = rng.pick(FIRST);
        const second = rng.pick(SECOND.filter((w) => w !== first.toLowerCase()));
        short = `${first}${second}`;
        name = `${short} ${rng.pick(SECULAR_TYPES[phase])}`;
      }
      if (!namesByLa.has(`${la}|${name}`)) break;
    }
    namesByLa.add(`${la}|${name}`);
    // The same school name in two authorities is real life; the id gets the authority to stay unique.
    let id = slug(name);
    if (ids.has(id)) id = `${id}-${slug(la)}`;
    for (let k = 2; ids.has(id); k++) id = `${slug(name)}-${slug(la)}-${k}`;
    ids.add(id);

    let urn = '';
    if (nation === 'England' && !rng.chance(0.12)) {
      do urn = String(trust !== '' ? rng.int(136000, 149999) : rng.int(100000, 135999));
      while (urns.has(urn));
      urns.add(urn);
    }
    const domain = `${slug(short).replace(/-/g, '')}${rng.pick(['', '-school', '-primary', '-academy'])}.${nation === 'England' ? rng.pick(['sch.uk', 'org.uk', 'co.uk']) : 'sch.uk'}`;
    out.push({ id, name, short, urn, localAuthority: la, trust, phase, nation, domain });
  }
  return out;
}

/** schools.csv, same columns as content/schools.csv; values are quoted only when they need it. */
export function schoolsCsv(schools: readonly SynthSchool[]): string {
  const q = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const rows = schools.map((s) => [s.id, s.name, s.urn, s.localAuthority, s.trust, s.phase, s.nation].map(q).join(','));
  return `school_id,name,urn,local_authority,trust,phase,nation\n${rows.join('\n')}\n`;
}
