/**
 * The filter form shared by the review table and the review queue: the filters come from the page's address,
 * typing re-renders from the first page, "Filter" keeps the filters in the address (so a filtered view can be
 * shared), and "Show more" adds a page. `render` is given how many rows to show.
 */
export function wireFilterForm(form: HTMLFormElement, more: HTMLElement, page: number, render: (shown: number) => void): void {
  const params = new URLSearchParams(window.location.search);
  for (const field of form.elements) {
    if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) {
      const v = params.get(field.name);
      if (v !== null) field.value = v;
    }
  }
  let shown = page;
  form.addEventListener('input', () => {
    shown = page;
    render(shown);
  });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) next.set(k, String(v));
    history.replaceState(null, '', `?${next.toString()}`);
    render(shown);
  });
  more.querySelector('button')?.addEventListener('click', () => {
    shown += page;
    render(shown);
  });
  render(shown);
}
