import { Outbox } from '@kuaizhuan/platform';
import { Achievement, AchievementResearcher, Need, Researcher } from '@kuaizhuan/catalog';
import type { DemoAccounts } from '@kuaizhuan/identity';
import type { DataSource } from 'typeorm';
import { DEMO_ACHIEVEMENTS, DEMO_NEEDS, DEMO_RESEARCHERS } from './demo-catalog';

export interface SeededCatalog {
  researchers: number;
  achievements: number;
  needs: number;
}

/**
 * Loads the demo catalogue for the demo accounts, published as if the operator had approved
 * it, with outbox events so a running worker indexes it. Safe to run again: researchers and
 * achievements are keyed by their reference, needs by their title, and existing ones are kept.
 */
export async function seedCatalog(dataSource: DataSource, accounts: DemoAccounts): Promise<SeededCatalog> {
  const outbox = new Outbox();
  const university = accounts.tto.organisationId;
  const company = accounts.enterprise.organisationId;
  const moderator = accounts.operator.userId;
  const now = new Date();
  return dataSource.transaction(async (manager) => {
    const researcherIds = new Map<string, string>();
    const newResearchers: string[] = [];
    for (const { ref, ...profile } of DEMO_RESEARCHERS) {
      let row = await manager.findOneBy(Researcher, { orgId: university, externalRef: ref });
      if (!row) {
        row = await manager.save(manager.create(Researcher, { ...profile, orgId: university, externalRef: ref }));
        newResearchers.push(row.id);
      }
      researcherIds.set(ref, row.id);
    }

    const newAchievements: string[] = [];
    for (const { ref, researchers, ...listing } of DEMO_ACHIEVEMENTS) {
      if (await manager.existsBy(Achievement, { orgId: university, externalRef: ref })) continue;
      const row = await manager.save(
        manager.create(Achievement, {
          ...listing,
          orgId: university,
          externalRef: ref,
          createdBy: accounts.tto.userId,
          status: 'published',
          submittedAt: now,
          publishedAt: now,
          reviewedAt: now,
          reviewedBy: moderator,
        }),
      );
      await manager.insert(
        AchievementResearcher,
        researchers.map((researcherRef, position) => ({
          achievementId: row.id,
          researcherId: researcherIds.get(researcherRef)!,
          position,
        })),
      );
      newAchievements.push(row.id);
    }

    const newNeeds: string[] = [];
    for (const need of DEMO_NEEDS) {
      if (await manager.existsBy(Need, { orgId: company, title: need.title })) continue;
      const row = await manager.save(
        manager.create(Need, {
          ...need,
          orgId: company,
          createdBy: accounts.enterprise.userId,
          status: 'published',
          submittedAt: now,
          publishedAt: now,
          reviewedAt: now,
          reviewedBy: moderator,
        }),
      );
      newNeeds.push(row.id);
    }

    if (newResearchers.length > 0) {
      await outbox.publish(manager, 'researcher.changed', { kind: 'researcher', ids: newResearchers });
    }
    if (newAchievements.length > 0) {
      await outbox.publish(manager, 'achievement.published', { kind: 'achievement', ids: newAchievements });
    }
    if (newNeeds.length > 0) await outbox.publish(manager, 'need.published', { kind: 'need', ids: newNeeds });
    return { researchers: newResearchers.length, achievements: newAchievements.length, needs: newNeeds.length };
  });
}
