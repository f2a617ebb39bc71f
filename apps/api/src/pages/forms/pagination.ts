import { textField } from './form-fields';

export const PAGE_SIZE = 50;

/** The page asked for; anything odd is the first page, as there is nothing better to show. */
export function readPageNumber(query: unknown): number {
  const raw = textField(query, 'page');
  const page = /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return page >= 1 ? page : 1;
}

/**
 * govukPagination's parameters for a list, keeping the other query parameters (the filters) in
 * each link. Undefined when everything fits on one page.
 */
export function paginationView(path: string, query: Record<string, unknown>, page: number, total: number) {
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages <= 1) return undefined;
  const href = (to: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (key !== 'page' && typeof value === 'string') params.set(key, value);
    }
    params.set('page', String(to));
    return `${path}?${params.toString()}`;
  };
  return {
    previous: page > 1 ? { href: href(page - 1) } : undefined,
    next: page < pages ? { href: href(page + 1) } : undefined,
    items: Array.from({ length: pages }, (_, index) => ({
      number: index + 1,
      href: href(index + 1),
      current: index + 1 === page,
    })),
  };
}
