import type { Theme, ThemeStatus } from './theme.entity';

/** What the public form offers: no status, nothing about staff's changes. */
export interface PublicThemeView {
  id: string;
  slug: string;
  name: string;
  description: string | null;
}

export interface ThemeView extends PublicThemeView {
  status: ThemeStatus;
  /** The theme this one was merged into, when it was. */
  mergedInto: { id: string; slug: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
}

export function toPublicThemeView(theme: Theme): PublicThemeView {
  return { id: theme.id, slug: theme.slug, name: theme.name, description: theme.description };
}

/** `theme.mergedInto` must be loaded when mergedIntoId is set. */
export function toThemeView(theme: Theme): ThemeView {
  const into = theme.mergedInto;
  return {
    ...toPublicThemeView(theme),
    status: theme.status,
    mergedInto: into ? { id: into.id, slug: into.slug, name: into.name } : null,
    createdAt: theme.createdAt.toISOString(),
    updatedAt: theme.updatedAt.toISOString(),
  };
}
