import type { CalendarResponse, TodoListResponse } from '@shouwang/shared/schemas/todos';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** Home-visit windows and birthdays between two dates (the server allows at most 93 days). */
export function useCalendar(from: string, to: string) {
  return useQuery({
    queryKey: ['calendar', from, to],
    queryFn: ({ signal }) => api.get<CalendarResponse>('/calendar', { from, to }, signal),
  });
}

/** The caller's to-dos (shared with the to-do page's cache): their due dates go on the calendar. */
export function useDueDates(enabled: boolean) {
  return useQuery({
    queryKey: ['todos', 'list'],
    queryFn: ({ signal }) => api.get<TodoListResponse>('/todos', undefined, signal),
    enabled,
  });
}
