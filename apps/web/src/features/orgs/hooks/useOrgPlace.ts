import { createContext, createElement, type ReactNode, useContext, useMemo } from 'react';
import { useOrgs } from '../api';

type PlaceOf = (orgId: string, orgName: string) => string;

/** A list page names the units of all its rows at once (one request, not one per row). */
const PlaceContext = createContext<PlaceOf | null>(null);

function usePlaces(orgIds: readonly string[], enabled: boolean): PlaceOf {
  const wanted = enabled ? orgIds.slice(0, 100) : [];
  const units = useOrgs({ includeInactive: true, ids: wanted, enabled: wanted.length > 0 });
  const parentIds = useMemo(
    () => (units.data ?? []).flatMap((o) => (o.kind === 'class' && o.parentId ? [o.parentId] : [])).slice(0, 100),
    [units.data],
  );
  const parents = useOrgs({ includeInactive: true, ids: parentIds, enabled: parentIds.length > 0 });
  return useMemo(() => {
    const byId = new Map([...(units.data ?? []), ...(parents.data ?? [])].map((o) => [o.id, o]));
    return (orgId: string, orgName: string) => {
      const org = byId.get(orgId);
      const parent = org?.kind === 'class' && org.parentId ? byId.get(org.parentId) : undefined;
      return parent ? `${parent.name} ${orgName}` : orgName;
    };
  }, [units.data, parents.data]);
}

/** Fetches the places of every unit the page lists, for the `useOrgPlace` calls below it. */
export function OrgPlaceProvider({ orgIds, children }: { orgIds: readonly string[]; children: ReactNode }) {
  return createElement(PlaceContext.Provider, { value: usePlaces(orgIds, true) }, children);
}

/**
 * Names a unit so it cannot be mistaken: a class carries its school's name ("黄泥村小学 一年级1班"),
 * since every school has a 一年级1班. Pass the unit ids shown: their records, then the schools of
 * the classes among them, are fetched (never the county's whole tree) unless an `OrgPlaceProvider`
 * above already holds them.
 */
export function useOrgPlace(orgIds: readonly string[]): PlaceOf {
  const provided = useContext(PlaceContext);
  const own = usePlaces(orgIds, provided === null);
  return provided ?? own;
}
