import type { ChildListItem } from '@shouwang/shared/schemas/children';

/** Where the child belongs: school · class, or the home village when not at a school. */
export function childPlacement(child: Pick<ChildListItem, 'school' | 'class' | 'village'>): string {
  const parts = [child.school?.name, child.class?.name].filter(Boolean);
  if (parts.length === 0 && child.village) return child.village.name;
  return parts.join(' · ');
}
