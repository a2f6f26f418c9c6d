import type {
  ActivityCreateBody,
  ActivityView,
  ParticipationView,
  RoomSlotCreateBody,
  RoomView,
  RoomVisitBody,
} from '@shouwang/shared/schemas/activities';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const activitiesKey = ['activities'] as const;
export const roomKey = ['activity-room'] as const;

export interface ActivityFilters {
  termId?: string;
  type?: string;
  page: number;
  pageSize: number;
}

export function useActivities(filters: ActivityFilters) {
  return useQuery({
    queryKey: [...activitiesKey, 'list', filters],
    queryFn: ({ signal }) => api.get<{ items: ActivityView[]; total: number }>('/activities', { ...filters }, signal),
  });
}

export function useParticipation(schoolId: string | undefined, termId: string | undefined) {
  return useQuery({
    queryKey: [...activitiesKey, 'participation', schoolId, termId],
    queryFn: ({ signal }) => api.get<ParticipationView>('/activities/participation', { schoolId, termId }, signal),
    enabled: !!schoolId && !!termId,
  });
}

function useRefresh() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: activitiesKey });
    void client.invalidateQueries({ queryKey: roomKey });
    void client.invalidateQueries({ queryKey: ['children'] });
  };
}

export type ActivitySave = ActivityCreateBody & { id?: string; version?: number };

export function useSaveActivity() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, ...body }: ActivitySave) =>
      id ? api.put<ActivityView>(`/activities/${id}`, body) : api.post<ActivityView>('/activities', body),
    onSuccess: refresh,
  });
}

export function useDeleteActivity() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (a: { id: string; version: number }) => api.delete(`/activities/${a.id}`, { version: a.version }),
    onSuccess: refresh,
  });
}

export const uploadActivityPhoto = (activityId: string, file: File) =>
  api.upload<{ id: string; fileName: string; version: number }>(`/activities/${activityId}/photos`, file);

export const deleteActivityPhoto = (activityId: string, photo: { id: string; version: number }) =>
  api.delete(`/activities/${activityId}/photos/${photo.id}`, { version: photo.version });

export const photoUrl = (activityId: string, photoId: string) => `/api/activities/${activityId}/photos/${photoId}`;

export function useRoom(orgId: string | undefined) {
  return useQuery({
    queryKey: [...roomKey, orgId],
    queryFn: ({ signal }) => api.get<RoomView>('/activity-room', { orgId }, signal),
    enabled: !!orgId,
  });
}

export function useAddSlot() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: RoomSlotCreateBody) => api.post('/activity-room/slots', body),
    onSuccess: refresh,
  });
}

export function useDeleteSlot() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (s: { id: string; version: number }) =>
      api.delete(`/activity-room/slots/${s.id}`, { version: s.version }),
    onSuccess: refresh,
  });
}

export function useRecordVisits() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: RoomVisitBody) => api.post<{ items: unknown[] }>('/activity-room/visits', body),
    onSuccess: refresh,
  });
}
