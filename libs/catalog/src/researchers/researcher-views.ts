/** An achievement a researcher is named on, as their profile lists it. */
export class ListedAchievement {
  id: string;
  title: string;
}

/** A researcher as anyone may see them: no contact details. */
export class PublicResearcher {
  id: string;
  orgId: string;
  name: string;
  title: string;
  institutionName: string;
  profile: string;
  researchAreas: string[];
  fieldCodes: string[];
  commissionerAvailable: boolean;
  commissionerNote: string;
  active: boolean;
  achievements: ListedAchievement[];
  updatedAt: Date;
}

/** The institution's own view, with contact details and its reference. */
export class OwnerResearcher extends PublicResearcher {
  externalRef: string | null;
  email: string | null;
  phone: string | null;
  createdAt: Date;
}

/** One page of an institution's researchers, with their contact details. */
export class OwnerResearcherPage {
  items: OwnerResearcher[];
  total: number;
  page: number;
  pageSize: number;
}
