import type { ComplianceChildrenResponse } from '@shouwang/shared/schemas/compliance';
import type { ComplianceResponse } from '@shouwang/shared/schemas/todos';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** 完成率 per care rule of a school for a term (the running term when none is named). */
export function useCompliance(schoolId: string | undefined, termId: string | undefined) {
  return useQuery({
    queryKey: ['compliance', schoolId, termId],
    queryFn: ({ signal }) => api.get<ComplianceResponse>('/stats/compliance', { orgId: schoolId, termId }, signal),
    enabled: !!schoolId,
  });
}

/** Per rule, the children with an ended period and no record. */
export function useComplianceChildren(schoolId: string | undefined, termId: string | undefined) {
  return useQuery({
    queryKey: ['compliance', 'children', schoolId, termId],
    queryFn: ({ signal }) =>
      api.get<ComplianceChildrenResponse>('/stats/compliance/children', { orgId: schoolId, termId }, signal),
    enabled: !!schoolId,
  });
}
