import type { Role } from '../api/types';

export interface NavItem {
  path: string;
  /** Key under `nav.` in the messages. */
  label: string;
  /** Other pages that belong to this entry although their path does not start with it. */
  also?: RegExp[];
}

/** Each role's menu, in order. */
export const NAV: Record<Role, NavItem[]> = {
  enterprise: [
    { path: '/', label: 'home' },
    { path: '/needs/new', label: 'newNeed' },
    { path: '/needs', label: 'needs' },
    { path: '/challenges', label: 'challenges' },
    { path: '/mined-needs', label: 'minedNeeds' },
    { path: '/connections', label: 'connections' },
    { path: '/deals', label: 'deals' },
    { path: '/service-platforms', label: 'platforms' },
    { path: '/service-quotes', label: 'quotes' },
    { path: '/search', label: 'search' },
    { path: '/saved-searches', label: 'savedSearches' },
    { path: '/team', label: 'team' },
  ],
  tto: [
    { path: '/', label: 'home' },
    { path: '/achievements', label: 'achievements' },
    { path: '/imports', label: 'import' },
    { path: '/researchers', label: 'researchers' },
    { path: '/matches', label: 'matches', also: [/^\/achievements\/[^/]+\/recommendations$/] },
    { path: '/challenges', label: 'challenges', also: [/^\/proposals\//] },
    { path: '/connections', label: 'connections' },
    { path: '/deals', label: 'deals' },
    { path: '/income', label: 'income' },
    { path: '/commissioner', label: 'commissionerWork' },
    { path: '/service-platforms', label: 'platforms' },
    { path: '/service-quotes', label: 'quotes' },
    { path: '/invention-register', label: 'register' },
    { path: '/search', label: 'search' },
    { path: '/saved-searches', label: 'savedSearches' },
    { path: '/team', label: 'team' },
  ],
  manager: [
    { path: '/', label: 'home' },
    { path: '/reviews', label: 'reviews' },
    { path: '/moderation', label: 'moderation' },
    { path: '/workload', label: 'workload' },
    { path: '/deals', label: 'brokered' },
    { path: '/challenges', label: 'challenges' },
    { path: '/record', label: 'record' },
    { path: '/search', label: 'search' },
    { path: '/saved-searches', label: 'savedSearches' },
  ],
  admin: [
    { path: '/', label: 'home' },
    { path: '/admin/kpis', label: 'kpis' },
    { path: '/admin/managers', label: 'managers' },
    { path: '/admin/organisations', label: 'organisations' },
    { path: '/admin/commissioners', label: 'commissioners' },
    { path: '/service-platforms', label: 'platforms' },
    { path: '/reviews', label: 'reviews' },
    { path: '/moderation', label: 'moderation' },
    { path: '/admin/taxonomies', label: 'taxonomies' },
    { path: '/admin/queues', label: 'queues' },
    { path: '/challenges', label: 'challenges' },
    { path: '/search', label: 'search' },
    { path: '/saved-searches', label: 'savedSearches' },
  ],
};
