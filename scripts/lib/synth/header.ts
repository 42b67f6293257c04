/**
 * The metadata block at the top of a policy (approval, review dates, cycle, approving body) in the varied forms
 * found in real school policies (domain brief §3), plus the truth it encodes.
 */
import { addMonths, compareYmd, pickDateStyle, showDate, type ShownDate, type Ymd } from './dates.ts';
import type { Random } from './prng.ts';

/** One header row. `label` empty means a free sentence; `extra` is a second column in table layouts. */
export interface HeaderRow {
  label: string;
  value: string;
  extra?: string;
}

export type HeaderLayout = 'lines' | 'table' | 'sentence';

export interface HeaderSpec {
  layout: HeaderLayout;
  rows: HeaderRow[];
  /** A review-cycle sentence for the end of the policy ("This policy will be reviewed every two years."). */
  closing: string | null;
}

/** What the header says, for checking the metadata extractor against. */
export interface HeaderTruth {
  approved: ShownDate | null;
  lastReviewed: ShownDate | null;
  nextReview: ShownDate | null;
  reviewCycleMonths: number | null;
  approvingBody: string | null;
}

export interface HeaderInput {
  /** Date this version was approved. */
  date: Ymd;
  /** Date of the school's first version, when this is a later one ("Created: 2017 / Last reviewed: 2021"). */
  firstDate: Ymd | null;
  cycleMonths: number;
  academy: boolean;
}

const CYCLE_WORDS: Record<number, readonly string[]> = {
  12: ['annually', 'every year', 'each year', 'every twelve months', 'on an annual basis'],
  24: ['every two years', 'every 2 years', 'biennially'],
  36: ['every three years', 'every 3 years'],
};
const CYCLE_LABEL: Record<number, readonly string[]> = {
  12: ['Annually', 'Annual', 'Yearly', '1 year', '12 months'],
  24: ['Every two years', 'Biennial', '2 years', '2 yearly'],
  36: ['Every three years', '3 years', 'Triennial', '3 yearly'],
};

const APPROVE_LABELS = [
  'Approved by governors', 'Approved by the Governing Body', 'Ratified', 'Ratified by Governors', 'Date approved',
  'Adopted', 'Date of policy', 'Approved', 'Date ratified by the Full Governing Body', 'Issued', 'Created',
  'Date written', 'Policy date', 'Date agreed',
];
const REVIEWED_LABELS = ['Last reviewed', 'Last reviewed on', 'Reviewed', 'Date of last review', 'Updated', 'Last updated'];
const NEXT_LABELS = ['Review date', 'Next review', 'Next review due by', 'To be reviewed', 'Date of next review', 'Review due', 'Next review date'];

function bodies(academy: boolean): readonly string[] {
  return academy
    ? ['Trustees', 'Board of Trustees', 'Local Governing Body', 'Local Academy Council', 'Full Governing Body']
    : ['Governors', 'Full Governing Body', 'Governing Body', 'Resources Committee', 'Curriculum Committee', 'Headteacher'];
}

export function makeHeader(rng: Random, input: HeaderInput): { spec: HeaderSpec; truth: HeaderTruth } {
  const { date, firstDate, cycleMonths } = input;
  const style = pickDateStyle(rng);
  // One document usually writes all its dates the same way; sometimes not.
  const styleFor = (): ReturnType<typeof pickDateStyle> => (rng.chance(0.8) ? style : pickDateStyle(rng));
  const body = rng.pick(bodies(input.academy));

  const hasApproved = rng.chance(0.9);
  const hasNext = !hasApproved || rng.chance(0.75);
  // A later version often keeps "Created" for the first date and adds "Last reviewed".
  const laterForm = firstDate !== null && compareYmd(firstDate, date) < 0 && rng.chance(0.4);
  // Some next-review dates slip from the cycle (a review booked for the following term, or never updated).
  const next = addMonths(date, cycleMonths + (rng.chance(0.15) ? rng.pick([-3, -1, 1, 2, 6]) : 0));

  const approvedShown = hasApproved ? showDate(laterForm && firstDate ? firstDate : date, styleFor()) : null;
  const reviewedShown = laterForm ? showDate(date, styleFor()) : null;
  const nextShown = hasNext ? showDate(next, styleFor()) : null;
  const cycleInHeader = rng.chance(0.3);
  const cycleInClosing = !cycleInHeader && rng.chance(0.55);
  const showBody = rng.chance(0.55);

  const layout = rng.weighted<HeaderLayout>([['lines', 65], ['table', 20], ['sentence', 15]]);
  const rows: HeaderRow[] = [];
  const cycleWord = rng.pick(CYCLE_WORDS[cycleMonths] ?? ['annually']);
  const orEarlier = rng.chance(0.3) ? ', or earlier if legislation or guidance changes' : '';

  if (layout === 'sentence') {
    const parts: string[] = [];
    if (approvedShown) {
      parts.push(
        `This policy was ${rng.pick(['approved', 'adopted', 'ratified'])} by the ${showBody ? body : 'Governing Body'} ${/^\d/.test(approvedShown.text) ? 'on' : 'in'} ${approvedShown.text}`,
      );
    }
    if (reviewedShown) parts.push(`last reviewed ${/^\d/.test(reviewedShown.text) ? 'on' : 'in'} ${reviewedShown.text}`);
    if (nextShown) parts.push(`${parts.length > 0 ? 'and ' : 'This policy '}will next be reviewed ${/^\d/.test(nextShown.text) ? 'by' : 'in'} ${nextShown.text}`);
    rows.push({ label: '', value: `${parts.join(', ')}.` });
    if (cycleInHeader) rows.push({ label: '', value: `It is reviewed ${cycleWord}${orEarlier}.` });
  } else {
    const tableRow = (label: string, value: string): HeaderRow =>
      layout === 'table' && rng.chance(0.5) && showBody && rows.length === 0
        ? { label: 'Approved by', value: body, extra: `Date: ${value}` }
        : { label, value };
    if (approvedShown) rows.push(tableRow(rng.pick(APPROVE_LABELS), approvedShown.text));
    if (showBody && !rows.some((r) => r.extra)) rows.push({ label: rng.pick(['Approved by', 'Approving body', 'Committee', 'Agreed by']), value: body });
    if (reviewedShown) rows.push({ label: rng.pick(REVIEWED_LABELS), value: reviewedShown.text });
    if (nextShown) rows.push({ label: rng.pick(NEXT_LABELS), value: nextShown.text + (rng.chance(0.1) ? ' or before' : '') });
    if (cycleInHeader) {
      rows.push({ label: rng.pick(['Review cycle', 'Review frequency', 'Status & Review Cycle', 'Reviewed']), value: rng.pick(CYCLE_LABEL[cycleMonths] ?? ['Annually']) });
    }
    if (rng.chance(0.15)) rows.push({ label: 'Version', value: `${rng.int(1, 4)}.${rng.int(0, 9)}` });
    if (rng.chance(0.12)) rows.push({ label: rng.pick(['Policy owner', 'Owner', 'Lead']), value: rng.pick(['Headteacher', 'Business Manager', 'Computing Lead', 'DSL', 'Data Protection Officer']) });
  }

  const closing = cycleInClosing
    ? rng.pick([
        `This policy will be reviewed ${cycleWord}${orEarlier}.`,
        `The ${showBody ? body : 'Governing Body'} will review this policy ${cycleWord}.`,
        `This policy is reviewed ${cycleWord} by the ${showBody ? body : 'Governing Body'}${orEarlier}.`,
      ])
    : null;

  const cycleStated = cycleInHeader || cycleInClosing;
  return {
    spec: { layout, rows, closing },
    truth: {
      approved: approvedShown,
      lastReviewed: reviewedShown,
      nextReview: nextShown,
      reviewCycleMonths: cycleStated ? cycleMonths : null,
      approvingBody:
        layout === 'sentence' ? (approvedShown ? (showBody ? body : 'Governing Body') : null) : showBody ? body : null,
    },
  };
}
