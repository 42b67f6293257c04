/** Chart colours for server-rendered SVG (attributes cannot use CSS variables reliably). Mirrors global.css. */
export const C = {
  text: '#0b0c0c',
  muted: '#484949',
  grid: '#b1b4b6',
  present: '#1a5e35',
  partial: '#b8dec5',
  stale: '#9a3d00',
  overdue: '#a1260d',
  future: '#1d5fa0',
  peer: '#5b6770',
  focus: '#ffdd00',
} as const;
