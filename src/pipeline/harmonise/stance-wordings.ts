/**
 * A plain-English starting wording for each position on a stance dimension (content/stances.yaml), written from
 * the guidance notes there, for when the trust decides a position no member's current wording takes. Each reads
 * as that position to the stance detector (test/unit/harmonise/stance-wordings). A position without an entry falls
 * back to its description; "ripa" has none. Positions that are themselves out-of-date advice (forced password
 * changes) read as out of date and are never offered (suggest.ts checks every wording).
 */
const WORDINGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  D1: {
    'with-permission': 'Staff must not use school equipment or the school internet for personal purposes without the permission of the headteacher.',
    'own-time':
      'Staff may make limited personal use of school equipment and the internet in their own time (before or after work, or at break times), provided it does not interfere with their work.',
    reasonable:
      'Staff may make reasonable personal use of school equipment and the internet, provided it does not interfere with their work or with pupils’ use of the equipment.',
    forbidden: 'Staff must not use school equipment or the school internet for personal purposes.',
  },
  D2: {
    none: 'The school email account is for school business only. There is no personal use of the school email account.',
    minimal: 'Staff may occasionally send or receive personal emails from their school account, kept to a minimum.',
    limited: 'Limited personal use of the school email account is permitted in staff’s own time, provided it does not interfere with their work.',
  },
  D3: {
    'banned-in-working-time': 'Staff must not use personal social media during working hours, even on devices they own.',
    'own-devices-outside-sessions': 'Staff may use social media on their own devices only outside lesson times, and never in front of pupils.',
    'not-on-school-systems': 'Staff must not access social media for personal use on school systems or school equipment.',
  },
  D4: {
    'switched-off-locked-away':
      'During school session times, staff mobile phones are switched off and locked away. In a personal emergency, staff ask the headteacher before using their phone.',
    'outside-contracted-hours': 'Staff use their personal mobile phones only outside their contracted hours, discreetly and not in the presence of pupils.',
    'not-when-with-children': 'Staff mobile phones must not be used while supervising or working with children, and are stored securely in a bag or locker during lessons.',
  },
  D5: {
    banned: 'Personal devices must not be connected to the school network or school systems.',
    'with-approval': 'Staff may connect their own devices to the school wireless network only with the prior approval of the school, once checked for up-to-date anti-virus software.',
    'rules-apply': 'The rules in this policy apply to personal devices used on the school site.',
  },
  D6: {
    'school-supplied-only': 'Staff must only use memory sticks supplied by the school, and must not store personal or sensitive data on them.',
    'encrypted-for-personal-data': 'Data that does not identify anyone may be carried on an unencrypted memory stick, but personal data must be on an encrypted one.',
    'encrypted-no-unknown': 'Staff must not use removable storage devices when unsure of their content or origin, and must keep school data on them encrypted.',
    'encrypted-only': 'Any school data carried on removable media must be on an encrypted, password-protected USB device.',
    'not-allowed': 'The use of removable media such as memory sticks is not permitted.',
  },
  D7: {
    'pupils-and-families-never': 'Staff must never accept friend requests from pupils, pupils’ families or pupils’ parents on social media or other online services.',
    'pupils-or-parents-unless-known':
      'Staff must not befriend pupils or parents online, unless the parent was already known to them socially before their child joined the school.',
    'pupils-and-former-pupils': 'Staff must not befriend pupils online, nor former pupils who are under 18.',
    'pupils-only': 'Staff must not befriend pupils online or give them access to their personal social media.',
  },
  D8: {
    'disclaimer-but-omit-name':
      'Staff are advised to omit the name of the school from personal social media; where they can be linked to the school, they add a disclaimer that their views are their own.',
    'never-reference-school': 'Staff must not refer to the school, their work, pupils or colleagues on personal social media.',
    'disclaimer-required': 'If you disclose on social media that you work at the school, you must make clear that the views you post are your own.',
  },
  D9a: {
    'fixed-interval': 'Staff must change their password every term.',
    regular: 'Staff must change their passwords regularly.',
    'on-compromise': 'Staff must change a password straight away if it may have been compromised or seen by someone else.',
    'no-forced-expiry': 'Passwords will not expire and do not need to be changed on a schedule.',
  },
  D9b: {
    'cover-teacher-exception': 'Staff must not share their passwords, except with PPA cover teachers where the headteacher has agreed.',
    'manager-investigation-exception': 'Staff must not share their passwords unless directed to by a senior manager for an investigation.',
    'admin-support-exception': 'Staff must not share their passwords, except to designated members of the IT support team when needed to fix a problem.',
    never: 'Staff must never share their passwords or login details with anyone.',
  },
  D10: {
    'investigatory-powers-act':
      'The school monitors the use of its systems as permitted by the Investigatory Powers Act 2016 and the 2018 regulations made under it, and in line with data protection law.',
    'no-privacy-consent': 'Staff should have no expectation of privacy when using school systems: their use may be monitored.',
    'data-protection-framing': 'Monitoring of school systems is processing of personal data: the school carries it out in line with UK GDPR, the Data Protection Act 2018 and ICO guidance.',
    'simple-notice': 'The school may monitor the use of its ICT systems, email and internet.',
  },
  D11: {
    'first-name-only': 'Photographs of pupils published on the website or in the press may include the child’s first name only.',
    'no-names': 'Published photographs must not enable pupils to be identified by name.',
    'personal-devices-banned': 'The use of personal cameras or mobile phones to photograph pupils is not permitted.',
  },
  D13: {
    'condition-of-employment': 'Following this policy is a condition of employment.',
    'non-contractual': 'This policy does not form part of any contract of employment and may be amended at any time.',
  },
  D16: {
    'no-rights': 'Staff do not have rights to install software on school equipment.',
    'network-only': 'Staff may run only software supplied through the school network.',
    'technician-authorised': 'Staff must not install software on school equipment unless it is authorised by the school’s IT technicians.',
    'head-permission': 'Staff must not install software on school equipment without the permission of the headteacher.',
    'permission-unspecified': 'Staff must not install software on school equipment without permission.',
  },
  D18: {
    annual: 'This policy is reviewed every year.',
    'two-yearly': 'This policy is reviewed every two years.',
    'three-yearly': 'This policy is reviewed every three years.',
  },
};

/** Values whose own description names something out of date: no starting wording is offered. */
const NO_WORDING = new Set(['D10=ripa']);

/** The starting wording for a decided position, or null when none is offered. */
export function stanceWording(dimensionId: string, value: string, description: string | null): string | null {
  if (NO_WORDING.has(`${dimensionId}=${value}`)) return null;
  return WORDINGS[dimensionId]?.[value] ?? description;
}
