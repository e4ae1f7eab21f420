import { Injectable } from '@nestjs/common';
import { NotFoundError, pageOf, type Page, type PageQueryDto } from '@kuaizhuan/platform';
import { DataSource } from 'typeorm';
import type { FeatureValue } from '../core/types';
import type { Side } from '../domain/recommendation-status';
import { ACHIEVEMENT_JSON, JOIN_LISTINGS, NEED_JSON, RESEARCHER_CONTACTS_JSON } from '../recommendations/sql';
import {
  achievementView,
  wholeNeed,
  type AchievementFacts,
  type AchievementView,
  type NeedFacts,
  type NeedView,
  type ResearcherContact,
} from '../recommendations/views';

export interface ConnectionSummary {
  id: string;
  recommendationId: string;
  createdAt: Date;
  /** The caller's side. */
  side: Side;
  need: { id: string; title: string };
  achievement: { id: string; title: string };
  counterpart: { id: string; name: string };
}

export interface OrganisationContact {
  id: string;
  name: string;
  kind: string;
  region: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
}

/** The person who answered for the other side. */
export interface ContactPerson {
  name: string;
  email: string;
  phone: string | null;
}

export interface ConnectionDetail {
  id: string;
  recommendationId: string;
  createdAt: Date;
  side: Side;
  score: number;
  features: FeatureValue[];
  need: NeedView;
  achievement: AchievementView;
  /** The other organisation, its contact person and, when it is the TTO, the researchers' contacts. */
  counterpart: {
    organisation: OrganisationContact;
    contactPerson: ContactPerson | null;
    researchers?: ResearcherContact[];
  };
}

interface DetailRow {
  id: string;
  recommendationId: string;
  createdAt: Date;
  side: Side;
  score: number;
  features: FeatureValue[];
  need: NeedFacts;
  achievement: AchievementFacts;
  researchers: ResearcherContact[];
  company: OrganisationContact;
  institution: OrganisationContact;
  companyContact: ContactPerson | null;
  institutionContact: ContactPerson | null;
}

const ORGANISATION_CONTACT = (alias: string): string =>
  `json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'kind', ${alias}.kind, 'region', ${alias}.region,
    'contactName', ${alias}.contact_name, 'contactEmail', ${alias}.contact_email, 'contactPhone', ${alias}.contact_phone)`;

const CONTACT_PERSON = (column: string): string =>
  `(SELECT json_build_object('name', u.display_name, 'email', u.email, 'phone', u.phone)
      FROM user_account u WHERE u.id = r.${column})`;

/**
 * Connections (对接) of the caller's organisation. Contacts are shown only here, and only
 * to the two connected organisations: every query is bound to the caller's organisation.
 */
@Injectable()
export class ConnectionsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(orgId: string, query: PageQueryDto): Promise<Page<ConnectionSummary>> {
    const { page, pageSize, skip } = pageOf(query);
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM connection c WHERE c.company_org_id = $1 OR c.institution_org_id = $1`,
      [orgId],
    );
    const items: ConnectionSummary[] = await this.dataSource.query(
      `SELECT c.id, c.recommendation_id AS "recommendationId", c.created_at AS "createdAt",
              CASE WHEN c.company_org_id = $1 THEN 'company' ELSE 'institution' END AS side,
              json_build_object('id', n.id, 'title', n.title) AS need,
              json_build_object('id', a.id, 'title', a.title) AS achievement,
              CASE WHEN c.company_org_id = $1 THEN json_build_object('id', ao.id, 'name', ao.name)
                   ELSE json_build_object('id', no.id, 'name', no.name) END AS counterpart
         FROM connection c
         JOIN need n ON n.id = c.need_id
         JOIN organisation no ON no.id = c.company_org_id
         JOIN achievement a ON a.id = c.achievement_id
         JOIN organisation ao ON ao.id = c.institution_org_id
        WHERE c.company_org_id = $1 OR c.institution_org_id = $1
        ORDER BY c.created_at DESC, c.id
        LIMIT ${pageSize} OFFSET ${skip}`,
      [orgId],
    );
    return { items, total, page, pageSize };
  }

  async get(orgId: string, id: string): Promise<ConnectionDetail> {
    const [row]: DetailRow[] = await this.dataSource.query(
      `SELECT c.id, c.recommendation_id AS "recommendationId", c.created_at AS "createdAt",
              CASE WHEN c.company_org_id = $2 THEN 'company' ELSE 'institution' END AS side,
              r.score, r.features, ${NEED_JSON} AS need, ${ACHIEVEMENT_JSON} AS achievement,
              ${RESEARCHER_CONTACTS_JSON} AS researchers,
              ${ORGANISATION_CONTACT('no')} AS company, ${ORGANISATION_CONTACT('ao')} AS institution,
              ${CONTACT_PERSON('company_answered_by')} AS "companyContact",
              ${CONTACT_PERSON('institution_answered_by')} AS "institutionContact"
         FROM connection c
         JOIN recommendation r ON r.id = c.recommendation_id
         ${JOIN_LISTINGS}
        WHERE c.id = $1 AND (c.company_org_id = $2 OR c.institution_org_id = $2)`,
      [id, orgId],
    );
    if (!row) throw new NotFoundError(`No connection ${id}`);
    const counterpart: ConnectionDetail['counterpart'] =
      row.side === 'company'
        ? { organisation: row.institution, contactPerson: row.institutionContact, researchers: row.researchers }
        : { organisation: row.company, contactPerson: row.companyContact };
    return {
      id: row.id,
      recommendationId: row.recommendationId,
      createdAt: row.createdAt,
      side: row.side,
      score: row.score,
      features: row.features,
      need: wholeNeed(row.need),
      achievement: achievementView(row.achievement),
      counterpart,
    };
  }
}
