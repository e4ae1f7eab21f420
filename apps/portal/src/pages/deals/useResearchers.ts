import { useQuery } from '@tanstack/react-query';
import { answer, client } from '../../api/client';

/** The institution's researchers (the first hundred, by the API's order), for pickers; TTO only. */
export function useResearchers(enabled: boolean) {
  return useQuery({
    queryKey: ['researchers', 'picker'],
    queryFn: () => answer(client.GET('/api/researchers', { params: { query: { page: 1, pageSize: 100 } } })),
    enabled,
    select: (page) => page.items,
  });
}
