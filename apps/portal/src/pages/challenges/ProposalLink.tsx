import { useQuery } from '@tanstack/react-query';
import { Navigate, useParams } from 'react-router';
import { api } from '../../api/client';
import type { Proposal } from '../../api/challenges';
import { QueryState } from '../../components/QueryState';

/** A proposal's link (in notices) opens its challenge's page, where its authors read and revise it. */
export default function ProposalLink() {
  const { id } = useParams();
  const proposal = useQuery({ queryKey: ['proposal', id], queryFn: () => api<Proposal>(`/proposals/${id}`) });
  return (
    <QueryState query={proposal}>
      {(p) => (
        <Navigate
          to={p.capacity === 'author' ? `/challenges/${p.challengeId}` : `/challenges/${p.challengeId}/judging`}
          replace
        />
      )}
    </QueryState>
  );
}
