import { Injectable } from '@nestjs/common';
import {
  achievementFacts,
  achievementTitles,
  achievementView,
  needFacts,
  needTitles,
  researchersOf,
  wholeNeed,
  type AchievementView,
  type NeedView,
  type ResearcherContact,
} from '@kuaizhuan/catalog';
import {
  contactPeople,
  organisationContacts,
  organisationNames,
  type ContactPerson,
  type OrganisationContact,
} from '@kuaizhuan/identity';
import { NotFoundError, pageOf, type Page, type PageQueryDto } from '@kuaizhuan/platform';
import { DataSource } from 'typeorm';
import type { FeatureValue } from '../core/types';
import type { Side } from '../domain/recommendation-status';
import { connectionDetailRow, connectionPage, countConnections } from './connection.repository';

export type { ContactPerson, OrganisationContact };

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

/**
 * Connections (对接) of the caller's organisation. Contacts are shown only here, and only
 * to the two connected organisations: every query is bound to the caller's organisation.
 */
@Injectable()
export class ConnectionsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(orgId: string, query: PageQueryDto): Promise<Page<ConnectionSummary>> {
    const { page, pageSize, skip } = pageOf(query);
    const db = this.dataSource.manager;
    const total = await countConnections(db, orgId);
    const rows = await connectionPage(db, orgId, pageSize, skip);
    const needs = await needTitles(
      db,
      rows.map((row) => row.needId),
    );
    const achievements = await achievementTitles(
      db,
      rows.map((row) => row.achievementId),
    );
    const organisations = await organisationNames(
      db,
      rows.flatMap((row) => [row.companyOrgId, row.institutionOrgId]),
    );
    const items: ConnectionSummary[] = [];
    for (const row of rows) {
      const need = needs.get(row.needId);
      const achievement = achievements.get(row.achievementId);
      const counterpartId = row.side === 'company' ? row.institutionOrgId : row.companyOrgId;
      const counterpart = organisations.get(counterpartId);
      const company = organisations.get(row.companyOrgId);
      const institution = organisations.get(row.institutionOrgId);
      if (need === undefined || achievement === undefined || counterpart === undefined) continue;
      if (company === undefined || institution === undefined) continue;
      items.push({
        id: row.id,
        recommendationId: row.recommendationId,
        createdAt: row.createdAt,
        side: row.side,
        need: { id: row.needId, title: need },
        achievement: { id: row.achievementId, title: achievement },
        counterpart: { id: counterpartId, name: counterpart },
      });
    }
    return { items, total, page, pageSize };
  }

  async get(orgId: string, id: string): Promise<ConnectionDetail> {
    const db = this.dataSource.manager;
    const row = await connectionDetailRow(db, orgId, id);
    const need = row && (await needFacts(db, [row.needId])).get(row.needId);
    const achievement = row && (await achievementFacts(db, [row.achievementId])).get(row.achievementId);
    if (!row || !need || !achievement) throw new NotFoundError(`No connection ${id}`);
    const organisations = await organisationContacts(db, [need.orgId, achievement.orgId]);
    const company = organisations.get(need.orgId);
    const institution = organisations.get(achievement.orgId);
    if (!company || !institution) throw new NotFoundError(`No connection ${id}`);
    const answeredBy = [row.companyAnsweredBy, row.institutionAnsweredBy].flatMap((u) => (u === null ? [] : [u]));
    const people = await contactPeople(db, answeredBy);
    const person = (userId: string | null): ContactPerson | null =>
      userId === null ? null : (people.get(userId) ?? null);
    const counterpart: ConnectionDetail['counterpart'] =
      row.side === 'company'
        ? {
            organisation: institution,
            contactPerson: person(row.institutionAnsweredBy),
            researchers: (await researchersOf(db, [achievement.id], true)).get(achievement.id) ?? [],
          }
        : { organisation: company, contactPerson: person(row.companyAnsweredBy) };
    return {
      id: row.id,
      recommendationId: row.recommendationId,
      createdAt: row.createdAt,
      side: row.side,
      score: row.score,
      features: row.features,
      need: wholeNeed(need),
      achievement: achievementView(achievement),
      counterpart,
    };
  }
}
