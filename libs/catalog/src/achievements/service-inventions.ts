import type { EntityManager } from 'typeorm';
import { Achievement } from '../entities/achievement.entity';

/** An institution's achievement as its register of service inventions lists it. */
export interface ServiceInvention {
  id: string;
  externalRef: string | null;
  title: string;
  institutionName: string;
  ipType: string | null;
  patentNumbers: string[];
  legalStatus: string;
  status: string;
  separateLedger: boolean;
  /** When the achievement was entered on the platform (its registration), ISO instant. */
  registeredAt: string;
}

/**
 * The institution's service inventions: its achievements kept in the separate register
 * (单列管理), and any others named in `alsoIds` (those it has disposed of by deal), oldest first.
 */
export async function serviceInventionsOf(
  manager: EntityManager,
  orgId: string,
  alsoIds: readonly string[] = [],
): Promise<ServiceInvention[]> {
  const rows = await manager
    .createQueryBuilder(Achievement, 'a')
    .where('a.orgId = :orgId', { orgId })
    .andWhere('(a.separateLedger OR a.id = ANY(:ids::uuid[]))', { ids: [...alsoIds] })
    .orderBy('a.createdAt', 'ASC')
    .addOrderBy('a.id', 'ASC')
    .getMany();
  return rows.map((a) => ({
    id: a.id,
    externalRef: a.externalRef,
    title: a.title,
    institutionName: a.institutionName,
    ipType: a.ipType,
    patentNumbers: a.patentNumbers,
    legalStatus: a.legalStatus,
    status: a.status,
    separateLedger: a.separateLedger,
    registeredAt: a.createdAt.toISOString(),
  }));
}
