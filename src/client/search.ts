/**
 * Loads pagefind's UI from the site's own /pagefind/ folder (under the base path) and replaces the plain form.
 * pagefind-ui.js is a classic script that defines window.PagefindUI; importing it as a module runs it the same.
 */
declare global {
  interface Window {
    PagefindUI?: new (options: Record<string, unknown>) => { triggerSearch: (q: string) => void };
  }
}

async function start(host: HTMLElement): Promise<void> {
  const bundle = host.dataset.bundle ?? '/pagefind/';
  try {
    await import(/* @vite-ignore */ `${bundle}pagefind-ui.js`);
  } catch {
    host.textContent = 'Search is not available: the search index was not built.';
    return;
  }
  const PagefindUI = window.PagefindUI;
  if (!PagefindUI) return;
  document.querySelector('form.search-fallback')?.setAttribute('hidden', '');
  const ui = new PagefindUI({
    element: host,
    bundlePath: bundle,
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    translations: { placeholder: 'Search policies, clause types and guides' },
  });
  // Pagefind's input has only a placeholder; give it an id and a visible label (WCAG 3.3.2).
  const input = host.querySelector<HTMLInputElement>('input');
  if (input) {
    input.id = 'pagefind-q';
    const label = document.createElement('label');
    label.htmlFor = 'pagefind-q';
    label.textContent = 'Search for';
    host.before(label);
  }
  const q = new URLSearchParams(window.location.search).get('q');
  if (q) ui.triggerSearch(q);
}

const host = document.getElementById('search');
if (host) void start(host);

export {};
