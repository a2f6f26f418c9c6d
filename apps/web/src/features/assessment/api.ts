import type {
  AssessmentListResponse,
  AssessmentSheetResponse,
  RubricScores,
} from '@shouwang/shared/schemas/assessment';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

const key = ['assessments'] as const;

/** Every sheet of the school (administrators and the county). */
export function useAssessments(schoolId: string | undefined, termId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...key, 'list', schoolId, termId],
    queryFn: ({ signal }) => api.get<AssessmentListResponse>('/assessments', { schoolId, termId }, signal),
    enabled: enabled && !!schoolId,
  });
}

/** One staff member's sheet (one's own). */
export function useOwnSheet(
  userId: string,
  schoolId: string | undefined,
  termId: string | undefined,
  enabled: boolean,
) {
  return useQuery({
    queryKey: [...key, 'sheet', userId, schoolId, termId],
    queryFn: ({ signal }) =>
      api.get<AssessmentSheetResponse>(`/assessments/staff/${userId}`, { schoolId, termId }, signal),
    enabled: enabled && !!schoolId,
  });
}

export interface ScoreInput {
  userId: string;
  schoolId: string;
  termId: string;
  scores: RubricScores;
  comment?: string;
  version?: number;
}

export function useScoreSheet() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...body }: ScoreInput) =>
      api.put<AssessmentSheetResponse>(`/assessments/staff/${userId}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

export const assessmentExportUrl = (schoolId: string, termId: string) =>
  `/api/assessments/export.xlsx?${new URLSearchParams({ schoolId, termId })}`;
