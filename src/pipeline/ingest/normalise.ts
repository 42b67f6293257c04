/**
 * Normalises decoded text so that every later offset is stable: NFC, LF line ends, ordinary spaces. Form feeds
 * are kept (as '\f') because the plain-text reader turns them into page boundaries; tabs are kept because they
 * separate a contents entry from its page number. One pass of linear regexes, so 50 MB stays fast.
 */
export function normaliseText(raw: string): string {
  return (
    raw
      .normalize('NFC')
      .replace(/\r\n?|[\u2028\u2029\u0085\v]/g, '\n')
      // Non-breaking and typographic spaces read as spaces everywhere downstream.
      .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
      // Invisible characters that would otherwise split words: zero-width space, stray BOMs, soft hyphens.
      .replace(/[\u200b\ufeff\u00ad]/g, '')
      // Other C0/C1 controls carry no text.
      .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g, '')
  );
}
