import { useMemo } from 'react';
import { useOrgs } from '../api';

/**
 * Names a unit so it cannot be mistaken: a class carries its school's name ("黄泥村小学 一年级1班"),
 * since every school has a 一年级1班.
 */
export function useOrgPlace() {
  const orgs = useOrgs({ includeInactive: true });
  return useMemo(() => {
    const byId = new Map((orgs.data ?? []).map((o) => [o.id, o]));
    return (orgId: string, orgName: string) => {
      const org = byId.get(orgId);
      const parent = org?.kind === 'class' && org.parentId ? byId.get(org.parentId) : undefined;
      return parent ? `${parent.name} ${orgName}` : orgName;
    };
  }, [orgs.data]);
}
