export { findPersonalData, type PersonalDataSpan, type PersonalDataKind } from './personal-data.ts';
export { mask, maskQuote, PLACEHOLDER } from './mask.ts';
