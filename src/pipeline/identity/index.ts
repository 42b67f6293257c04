export { nameKey, compareNames, distinctiveWords, describeKey, type NameKey, type NameRelation, type Phase, type Denomination } from './name-key.ts';
export { domainsIn, isSchoolDomain, registrableDomain } from './domains.ts';
export { identitySignals, fileWordsOf, type IdentitySignals } from './signals.ts';
export {
  resolveSchools,
  EVIDENCE,
  JOIN_AT,
  type IdentityDoc,
  type IdentityDecision,
  type IdentityResolution,
  type ResolvedSchool,
  type SchoolListing,
} from './resolve.ts';
