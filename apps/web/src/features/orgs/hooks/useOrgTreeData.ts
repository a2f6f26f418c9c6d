import type { OrgTreeItem } from '@shouwang/shared/schemas/orgs';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { orgTreeQuery } from '../api';

const levelItems = (results: { data?: { items: OrgTreeItem[] } }[]) => results.map((r) => r.data?.items);

/**
 * The unit tree as far as the user opened it: the first screen (the units above their grants, the
 * granted units and the level below), plus the sub-units of every unit they expanded since. A
 * county is thousands of units; nobody looks at them all at once.
 */
export function useOrgTreeData(includeInactive: boolean, enabled = true) {
  const client = useQueryClient();
  const [requested, setRequested] = useState<string[]>([]);
  const opening = useQuery({ ...orgTreeQuery({ includeInactive }), enabled });
  const levels = useQueries({
    queries: requested.map((parentId) => ({ ...orgTreeQuery({ includeInactive, parentId }), enabled })),
    combine: levelItems,
  });
  const items = useMemo(() => {
    const byId = new Map<string, OrgTreeItem>();
    for (const list of [opening.data?.items, ...levels]) for (const o of list ?? []) byId.set(o.id, o);
    return [...byId.values()];
  }, [opening.data, levels]);

  /** Fetches a unit's sub-units and keeps them in the tree. */
  const loadChildren = useCallback(
    async (parentId: string) => {
      setRequested((prev) => (prev.includes(parentId) ? prev : [...prev, parentId]));
      await client.fetchQuery(orgTreeQuery({ includeInactive, parentId }));
    },
    [client, includeInactive],
  );

  // Units the first screen opened: those whose sub-units it brought along.
  const openedIds = useMemo(() => {
    const list = opening.data?.items ?? [];
    return new Set(list.flatMap((o) => (o.parentId && list.some((p) => p.id === o.parentId) ? [o.parentId] : [])));
  }, [opening.data]);

  return { items, opening, openedIds, loadChildren };
}

/** The unit search of the tree: what the user typed, once they pause. */
export function useOrgSearch(text: string, includeInactive: boolean) {
  const [q, setQ] = useState(text.trim());
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useQuery({ ...orgTreeQuery({ includeInactive, q }), enabled: q.length > 0 });
  return { q, found };
}

/** Whether a unit loaded in the tree may have sub-units that are not loaded yet. */
export const hasUnloadedChildren = (org: OrgTreeItem, loadedChildren: number) =>
  (org.childCount ?? 0) > 0 && loadedChildren === 0;

/**
 * Which units are open: those the first screen opened, plus those the user opened, minus those
 * they closed. (Kept as explicit choices: the first screen changes when units are added.)
 */
export function useExpansion(openedByDefault: ReadonlySet<string>) {
  const [choices, setChoices] = useState<Map<string, boolean>>(new Map());
  const isOpen = (id: string) => choices.get(id) ?? openedByDefault.has(id);
  const toggle = (id: string, open: boolean) =>
    setChoices((prev) => {
      const next = new Map(prev);
      next.set(id, open);
      return next;
    });
  return { isOpen, toggle };
}
