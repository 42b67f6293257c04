/**
 * Sentences that mention a topic without making it the school's rule: advice to consider something ("Consideration
 * should be given to two factor authentication", "schools may wish to…", a checklist question), a summary of
 * what a law forbids ("It is an offence to take … indecent images of children") with nothing staff must do, and a
 * document naming itself taken for a link to other policies (its title, "This Acceptable Use Policy…"). Such a
 * sentence can be a near miss for a person to check, never the evidence that a policy has the rule.
 */
import { atTop } from './features.ts';

const ADVISORY = /\b(?:consideration\s+(?:should|could|may|will)\s+(?:also\s+)?be\s+given|should\s+(?:also\s+)?be\s+considered|(?:may|might)\s+(?:also\s+)?wish\s+to|(?:could|might|may)\s+(?:also\s+)?consider|you\s+may\s+want\s+to|it\s+(?:is|may\s+be)\s+(?:advisable|worth)\s+(?:considering|to\s+consider))\b/i;
/** A checklist question ("Two step verification?") asks; it does not require. */
const QUESTION = /\?\s*["'’”)]?\s*$/;
const LAW_SUMMARY = /\b(?:it\s+is\s+(?:an?\s+(?:criminal\s+)?)?(?:offence|illegal|unlawful)\s+to|makes?\s+it\s+(?:an?\s+(?:criminal\s+)?)?offence|is\s+an?\s+(?:criminal\s+)?offence|the\s+act\s+(?:states|makes|provides|creates))\b/i;
/** Words that turn a summary into a duty for the reader. */
const DUTY = /\b(?:must|shall|will\s+(?:not\s+)?(?:report|inform|tell|contact|refer|record|follow)|should\s+(?:not\s+)?(?!be\s+considered)\w+|do\s+not|never|are\s+(?:required|expected)\s+to|report\s+(?:it|this|any)|inform\s+the)\b/i;

/** Types a law summary can evidence: the list of laws and what the policy's words cover. */
const LAW_TYPES = new Set(['gov-legal-framework', 'gov-definitions-coverage']);

/** Words that point a reader to another document ("read alongside", "see the", "set out in"). */
const LINK = /\b(?:in\s+conjunction|alongside|together\s+with|in\s+line\s+with|read\s+with|see\s+(?:the|our|also)|refer(?:red)?\s+to|set\s+out\s+in|outlined\s+in|detailed\s+in|covered\s+(?:by|in)|as\s+per|linked|related|associated|supplement\w*|comply\s+with|follow)\b/i;
/** "This Acceptable Use Policy", "these guidelines": the document speaking of itself. */
const SELF = /\b(?:this|these|the\s+present)\s+(?:[\w&()'’/-]+\s+){0,5}?(?:polic(?:y|ies)|agreements?|documents?|aup|guidance|guidelines|procedures?|code)\b(?:\s*\([^()]{1,12}\))?/gi;
const POLICY_WORD = /\b(?:polic(?:y|ies)|procedures?|code\s+of\s+conduct|handbook|guidance|guidelines|protocols?|aup|agreements?|regulations)\b/i;

/**
 * Whether a sentence that would evidence "related policies" names no document but itself: its title and cover
 * lines, or "This Acceptable Use Policy outlines…". A link to another document ("read alongside…") always counts.
 */
export function namesOnlyItself(sentence: string, position: number): boolean {
  if (LINK.test(sentence)) return false;
  // The title and cover: the policy they name is the document itself.
  if (atTop(position)) return true;
  return !POLICY_WORD.test(sentence.replace(SELF, ' '));
}

/** The type a document's mention of itself is mistaken for. */
const RELATED = 'gov-related-policies';

/**
 * `position` is the sentence's index in the document; `leadIn` the line introducing the list it belongs to, which
 * for a list of policy names is where the link is ("read in conjunction with:").
 */
export function notTheRule(sentence: string, typeId: string, position = Number.POSITIVE_INFINITY, leadIn: string | null = null): 'advice' | 'law-summary' | 'itself' | null {
  if (ADVISORY.test(sentence) || QUESTION.test(sentence)) return 'advice';
  if (!LAW_TYPES.has(typeId) && LAW_SUMMARY.test(sentence) && !DUTY.test(sentence)) return 'law-summary';
  if (typeId === RELATED && namesOnlyItself(leadIn === null ? sentence : `${leadIn} ${sentence}`, position)) return 'itself';
  return null;
}
