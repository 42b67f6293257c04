/**
 * Sentences that mention a topic without making it the school's rule: advice to consider something ("Consideration
 * should be given to two factor authentication", "schools may wish to…", a checklist question), and a summary of
 * what a law forbids ("It is an offence to take … indecent images of children") with nothing staff must do. Such a
 * sentence can be a near miss for a person to check, never the evidence that a policy has the rule.
 */

const ADVISORY = /\b(?:consideration\s+(?:should|could|may|will)\s+(?:also\s+)?be\s+given|should\s+(?:also\s+)?be\s+considered|(?:may|might)\s+(?:also\s+)?wish\s+to|(?:could|might|may)\s+(?:also\s+)?consider|you\s+may\s+want\s+to|it\s+(?:is|may\s+be)\s+(?:advisable|worth)\s+(?:considering|to\s+consider))\b/i;
/** A checklist question ("Two step verification?") asks; it does not require. */
const QUESTION = /\?\s*["'’”)]?\s*$/;
const LAW_SUMMARY = /\b(?:it\s+is\s+(?:an?\s+(?:criminal\s+)?)?(?:offence|illegal|unlawful)\s+to|makes?\s+it\s+(?:an?\s+(?:criminal\s+)?)?offence|is\s+an?\s+(?:criminal\s+)?offence|the\s+act\s+(?:states|makes|provides|creates))\b/i;
/** Words that turn a summary into a duty for the reader. */
const DUTY = /\b(?:must|shall|will\s+(?:not\s+)?(?:report|inform|tell|contact|refer|record|follow)|should\s+(?:not\s+)?(?!be\s+considered)\w+|do\s+not|never|are\s+(?:required|expected)\s+to|report\s+(?:it|this|any)|inform\s+the)\b/i;

/** Types a law summary can evidence: the list of laws and what the policy's words cover. */
const LAW_TYPES = new Set(['gov-legal-framework', 'gov-definitions-coverage']);

export function notTheRule(sentence: string, typeId: string): 'advice' | 'law-summary' | null {
  if (ADVISORY.test(sentence) || QUESTION.test(sentence)) return 'advice';
  if (!LAW_TYPES.has(typeId) && LAW_SUMMARY.test(sentence) && !DUTY.test(sentence)) return 'law-summary';
  return null;
}
