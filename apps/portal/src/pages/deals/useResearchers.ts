import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page, Researcher } from '../../api/types';

/** The institution's researchers (the first hundred, by the API's order), for pickers; TTO only. */
export function useResearchers(enabled: boolean) {
  return useQuery({
    queryKey: ['researchers', 'picker'],
    queryFn: () => api<Page<Researcher>>('/researchers', { query: { page: 1, pageSize: 100 } }),
    enabled,
    select: (page) => page.items,
  });
}
