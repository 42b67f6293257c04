/** A clause or heading number as the document writes it. */
export interface ParsedLabel {
  /** As written, without the trailing dot: `4.2`, `(a)`, `b)`, `(iii)`. */
  label: string;
  kind: 'decimal' | 'letter' | 'roman' | 'section';
  /** Decimal parts (`4.2` → [4, 2]); a letter's or numeral's ordinal in `ordinal`. */
  parts: number[];
  ordinal: number;
  /** Characters the label and the whitespace after it take up. */
  length: number;
}

const DECIMAL = /^(\d{1,3}(?:\.\d{1,3})*)(\.(?!\d)|\))?(?=([ \t]+)\S)/;
const LETTER = /^(\(([a-zA-Z])\)|([a-zA-Z])\))(?=([ \t]+)\S)|^([a-zA-Z])\.(?=([ \t]+)[A-Z])/;
const ROMAN = /^(\(([ivxlc]{1,6})\)|([ivxlc]{1,6})[.)])(?=([ \t]+)\S)/i;
const SECTION = /^((?:Appendix|Annex|Annexe|Schedule|Section|Part)\s+(?:[A-Z]|\d{1,3}|[IVX]{1,5}))\b[.:]?(?=([ \t]+|$))/;

const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

export function romanValue(s: string): number {
  let total = 0;
  const t = s.toLowerCase();
  for (let i = 0; i < t.length; i++) {
    const v = ROMAN_VALUES[t[i] ?? ''] ?? 0;
    const next = ROMAN_VALUES[t[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

function isRoman(s: string): boolean {
  return /^(?:c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/i.test(s) && s !== '';
}

/**
 * Reads the label at the start of a line. `previousLetter` settles `(i)`, `(v)` and `(x)`: after `(h)` an `(i)`
 * is a letter, otherwise it starts a list of numerals.
 */
export function parseLabel(text: string, previousLetter: number | null = null, allowSection = false): ParsedLabel | null {
  const dec = DECIMAL.exec(text);
  if (dec) {
    const number = dec[1] ?? '';
    const parts = number.split('.').map(Number);
    const dotted = parts.length > 1 || dec[2] !== undefined;
    // "3 minutes" is not a label; "3.", "3)", "3.1" and "3<tab>" are.
    if (dotted || (dec[3] ?? '').includes('\t')) {
      return { label: number, kind: 'decimal', parts, ordinal: parts[parts.length - 1] ?? 0, length: dec[0].length + (dec[3] ?? '').length };
    }
  }
  const rom = ROMAN.exec(text);
  const let_ = LETTER.exec(text);
  if (rom) {
    const numeral = rom[2] ?? rom[3] ?? '';
    const single = numeral.length === 1 ? numeral.toLowerCase().charCodeAt(0) - 96 : null;
    const continuesLetters = single !== null && previousLetter !== null && single === previousLetter + 1;
    // A lone "c" or "l" is a letter; a lone i, v or x is a numeral unless it carries on a run of letters.
    if (isRoman(numeral) && !continuesLetters && (numeral.length > 1 || /^[ivx]$/i.test(numeral))) {
      const label = (rom[1] ?? '').replace(/\.$/, '');
      return { label, kind: 'roman', parts: [], ordinal: romanValue(numeral), length: rom[0].length + (rom[4] ?? '').length };
    }
  }
  if (let_) {
    const letter = let_[2] ?? let_[3] ?? let_[5] ?? '';
    const label = let_[1] ?? letter;
    return {
      label,
      kind: 'letter',
      parts: [],
      ordinal: letter.toLowerCase().charCodeAt(0) - 96,
      length: let_[0].length + (let_[4] ?? let_[6] ?? '').length,
    };
  }
  if (allowSection) {
    const sec = SECTION.exec(text);
    if (sec) return { label: sec[1] ?? '', kind: 'section', parts: [], ordinal: 0, length: sec[0].length + (sec[2] ?? '').length };
  }
  return null;
}

/**
 * Keeps track of the numbering a line sits in, so a lettered item under clause 4.2 is labelled `4.2 (a)` and a
 * numeral under it `4.2 (j)(i)`.
 */
export class LabelContext {
  private decimal: string | null = null;
  private decimalHeadingLevel = 0;
  private letter: string | null = null;
  letterOrdinal: number | null = null;

  /** A heading: its own number (if any) becomes the context; an unnumbered one at or above it clears it. */
  heading(label: ParsedLabel | null, level: number): void {
    this.letter = null;
    this.letterOrdinal = null;
    if (label?.kind === 'decimal') {
      this.decimal = label.label;
      this.decimalHeadingLevel = level;
    } else if (this.decimal !== null && level <= this.decimalHeadingLevel) {
      this.decimal = null;
    }
  }

  /** A clause's full label, updating the context. */
  clause(label: ParsedLabel): { full: string; rank: number } {
    switch (label.kind) {
      case 'decimal':
        this.decimal = label.label;
        this.letter = null;
        this.letterOrdinal = null;
        return { full: label.label, rank: 0 };
      case 'letter': {
        const full = this.decimal ? `${this.decimal} ${label.label}` : label.label;
        this.letter = full;
        this.letterOrdinal = label.ordinal;
        return { full, rank: this.decimal ? 1 : 0 };
      }
      case 'roman': {
        const parent = this.letter ?? this.decimal;
        const joiner = this.letter && label.label.startsWith('(') ? '' : ' ';
        return { full: parent ? `${parent}${joiner}${label.label}` : label.label, rank: (this.letter ? 1 : 0) + (this.decimal ? 1 : 0) };
      }
      default:
        return { full: label.label, rank: 0 };
    }
  }
}
