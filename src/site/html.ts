/**
 * Escaping for the few places the site builds HTML as a string (long, repetitive markup such as a policy's full
 * text, where one string is far quicker to render than thousands of template nodes). Every piece of data that
 * goes into such a string passes through one of these.
 */
const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTR: Record<string, string> = { ...TEXT, '"': '&quot;', "'": '&#39;' };

/** Text content: `<`, `>` and `&` become entities, so policy wording can never become markup. */
export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => TEXT[c] ?? c);
}

/** A double-quoted attribute value: quotes are escaped too, so a value cannot end the attribute. */
export function escapeAttr(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ATTR[c] ?? c);
}
