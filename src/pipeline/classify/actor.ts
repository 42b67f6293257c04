/**
 * Who a clause binds. A staff AUP mixes staff duties ("You must lock your screen") with commitments by the
 * institution ("The school will monitor…", "Virus protection will be updated regularly") and rules for pupils
 * or parents. The subject is the text before the first finite verb; imperatives and first-person agreements
 * bind the reader, i.e. staff.
 */
import type { Actor, Modality } from '../types.ts';
import { dualOf, fastSafe } from '../structure/fast-regex.ts';

const VERB = dualOf(
  /\b(?:must|shall|should|will|would|may|might|can|cannot|could|is|are|am|was|were|has|have|had|do|does|need|needs|agree|agrees|understand|understands|reserves?|prohibits?|permits?|expects?|recognises?|believes?|seeks?|provides?|monitors?)\b/iu,
);

const SUBJECT_SOURCES: [Actor, RegExp][] = [
  ['pupils', /\b(?:pupils?|children|child|students?|learners?|young people)\b/iu],
  ['parents', /\b(?:parents?|carers?|guardians?|families)\b/iu],
  [
    'school',
    /\b(?:we|us|the school|our school|this school|the academy|the trust|the college|the setting|the nursery|the governing body|governors|the governors|the council|the local authority|the la|head ?teachers?|the head|senior (?:staff|leaders?|leadership|management)|(?:network|ict|it) (?:manager|technicians?|co-?ordinator|lead(?:er)?|team|support)|computing lead(?:er)?|e-?safety (?:officer|co-?ordinator)|online safety (?:lead|co-?ordinator)|dsl|designated\s+\w+(?:\s+\w+)?\s+(?:lead|officer|person|co-?ordinator)|cplo|dpo|data protection officer|hr)\b/iu,
  ],
  [
    'staff',
    /\b(?:you|your|i|staff|employees?|members? of staff|users?|teachers?|volunteers?|individuals?|colleagues?|adults?|workers?|anyone|everyone|those|all)\b/iu,
  ],
];

/** The head of a subject is a few words of the clause, so the clause's own `fastSafe` answer holds for it. */
const SUBJECTS = SUBJECT_SOURCES.map(([actor, re]) => [actor, dualOf(re)] as const);

/** Imperative opening ("Do not…", "Lock…", "Report…"): the verb comes first and binds the reader. */
const IMPERATIVE = dualOf(/^\s*(?:do|don['’]t|never|always|only|please|ensure|make|keep|use|lock|log|report|check|avoid|take|treat|remember|be|think|consider|delete|protect|store|set|tell|inform)\b/iu);

/** "X will be updated / reviewed / monitored": a passive commitment made by the institution. */
const PASSIVE_COMMITMENT = dualOf(/\b(?:will|shall)\s+be\s+\w+(?:ed|en)\b/iu);

export function actorOf(text: string, modality: Modality, leadInActor: Actor | null = null): Actor {
  // Subjects are matched on a slice of `text`, so one check of the whole text covers them too.
  const form = fastSafe(text) ? 'fast' : 'full';
  if (IMPERATIVE[form].test(text)) return 'staff';
  const verb = VERB[form].exec(text);
  const subject = verb ? text.slice(0, verb.index) : '';
  // The head of the subject is in its first few words: "Written permission from parents…" is about permission.
  const head = subject.trim().split(/\s+/).slice(0, 3).join(' ');
  if (head) {
    for (const [actor, re] of SUBJECTS) if (re[form].test(head)) return actor;
  }
  if (leadInActor && leadInActor !== 'other') return leadInActor;
  if (PASSIVE_COMMITMENT[form].test(text)) return 'school';
  // A rule with no recognisable subject in a staff policy is a staff rule; a bare statement binds nobody.
  return modality === 'information' ? 'other' : 'staff';
}
