/**
 * E-mail domains and web addresses in a policy that can belong to the school itself. A school's own domain
 * (`decoy.devon.sch.uk`, `westcoventryacademy.org`) ties its documents together; the addresses of template
 * publishers, councils, charities and mail providers (`swgfl.org.uk`, `gov.uk`, `gmail.com`) appear in many
 * schools' policies and say nothing about which school wrote them.
 */

/** Publishers, public bodies, charities and providers cited in policies of every school. */
const SHARED_HOSTS =
  /(?:^|\.)(?:gmail|googlemail|hotmail|outlook|live|yahoo|aol|btinternet|icloud|swgfl|lgfl|nen|e2bn|kent|gov|nhs|police|parliament|legislation|microsoft|google|apple|ceop|thinkuknow|childnet|saferinternet|nspcc|childline|iwf|ofsted|ico|ukcis|internetmatters|net-aware|bbc|youtube|facebook|twitter|instagram|onlinecompass|360safe|digitalfootprint|kidsmart|parentinfo|educateagainsthate|theeducationpeople|london|bing|wikipedia|ukcop|anti-bullyingalliance|safeguardinginschools|esafety|gfl|ngfl)\./;

/** Words in a domain's first label that mark it as a school's. */
const SCHOOL_LABEL = /academy|school|primary|college|nursery|infant|junior|highschool|grammar|\bce\b|catholic/;

/**
 * The part of a host that names one organisation: `mail.decoy.devon.sch.uk` → `decoy.devon.sch.uk`,
 * `www.westcoventryacademy.org` → `westcoventryacademy.org`.
 */
export function registrableDomain(host: string): string {
  const labels = host.toLowerCase().replace(/\.+$/, '').split('.').filter(Boolean);
  const tail = labels.slice(-2).join('.');
  const keep = /^sch\.uk$/.test(tail)
    ? 4
    : /^(?:org|co|ac|gov|ltd|plc|me|net|nhs|police)\.uk$|^(?:com|org|edu|net)\.au$|^(?:school|org|co)\.nz$/.test(tail)
      ? 3
      : 2;
  return labels.slice(-keep).join('.');
}

/** Every host named in an e-mail address or web address, as registrable domains, sorted and de-duplicated. */
export function domainsIn(text: string): string[] {
  const hosts = new Set<string>();
  for (const m of text.matchAll(/[\w.+-]+@((?:[a-z0-9-]+\.)+[a-z]{2,})\b/gi)) hosts.add(registrableDomain(m[1] ?? ''));
  for (const m of text.matchAll(/\b(?:https?:\/\/|www\.)((?:[a-z0-9-]+\.)+[a-z]{2,})\b/gi)) hosts.add(registrableDomain(m[1] ?? ''));
  return [...hosts].filter((h) => h.includes('.')).sort();
}

/**
 * Whether a domain can be one school's: not a publisher or provider, and either under `sch.uk` or with a school
 * word in its name, or carrying one of the school's own distinctive words (`hanson.bradford.sch.uk`).
 */
export function isSchoolDomain(domain: string, ownWords: readonly string[] = []): boolean {
  if (SHARED_HOSTS.test(`.${domain}`)) return false;
  if (/\.sch\.uk$/.test(domain)) return true;
  const first = domain.split('.')[0] ?? '';
  if (first.length < 4) return false;
  return SCHOOL_LABEL.test(first) || ownWords.some((w) => w.length >= 4 && first.includes(w));
}
