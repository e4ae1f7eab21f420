import { hash } from '@node-rs/argon2';
import type { DataSource, EntityManager } from 'typeorm';
import { completeCreditCode } from './domain/credit-code';
import type { OrganisationKind, UserRole } from './domain/roles';
import { Organisation } from './entities/organisation.entity';
import { User } from './entities/user.entity';

/** Password of every demo account. */
export const DEMO_PASSWORD = 'Kuaizhuan2026!';

type DemoKey = 'operator' | 'enterprise' | 'tto' | 'manager';

interface DemoAccount {
  organisation: { name: string; kind: OrganisationKind; creditCodeBody: string; region: string; contactPhone: string };
  user: { email: string; displayName: string; role: UserRole };
}

/** Region codes are GB/T 2260: 500000 Chongqing, 500112 渝北区, 500106 沙坪坝区, 500103 渝中区. */
const DEMO_ACCOUNTS: Record<DemoKey, DemoAccount> = {
  operator: {
    organisation: {
      name: '成果快转平台运营中心（重庆市科学技术局）',
      kind: 'government',
      creditCodeBody: '11500000MB0000001',
      region: '500000',
      contactPhone: '023-60000001',
    },
    user: { email: 'admin@kuaizhuan.demo', displayName: '平台管理员', role: 'admin' },
  },
  enterprise: {
    organisation: {
      name: '重庆渝新智能装备有限公司',
      kind: 'enterprise',
      creditCodeBody: '91500112MA6000002',
      region: '500112',
      contactPhone: '023-60000002',
    },
    user: { email: 'enterprise@kuaizhuan.demo', displayName: '王敏', role: 'enterprise' },
  },
  tto: {
    organisation: {
      name: '重庆大学技术转移中心',
      kind: 'university',
      creditCodeBody: '12500000MB0000003',
      region: '500106',
      contactPhone: '023-60000003',
    },
    user: { email: 'tto@kuaizhuan.demo', displayName: '李华', role: 'tto' },
  },
  manager: {
    organisation: {
      name: '重庆两江技术经理人服务有限公司',
      kind: 'service_agency',
      creditCodeBody: '91500103MA6000004',
      region: '500103',
      contactPhone: '023-60000004',
    },
    user: { email: 'manager@kuaizhuan.demo', displayName: '陈静', role: 'manager' },
  },
};

export type DemoAccounts = Record<DemoKey, { organisationId: string; userId: string; email: string }>;

/**
 * Creates the demo organisations (all verified) and their users, each with DEMO_PASSWORD.
 * Idempotent: what already exists (by credit code, by e-mail) is left as it is.
 */
export async function seedIdentity(dataSource: DataSource): Promise<DemoAccounts> {
  const passwordHash = await hash(DEMO_PASSWORD);
  return dataSource.transaction(async (manager) => {
    const operator = await ensureAccount(manager, DEMO_ACCOUNTS.operator, passwordHash, null);
    const result = { operator } as DemoAccounts;
    for (const key of ['enterprise', 'tto', 'manager'] as const) {
      result[key] = await ensureAccount(manager, DEMO_ACCOUNTS[key], passwordHash, operator.userId);
    }
    return result;
  });
}

async function ensureAccount(
  manager: EntityManager,
  account: DemoAccount,
  passwordHash: string,
  verifiedBy: string | null,
): Promise<DemoAccounts[DemoKey]> {
  const creditCode = completeCreditCode(account.organisation.creditCodeBody);
  let organisation = await manager.findOneBy(Organisation, { creditCode });
  if (!organisation) {
    organisation = await manager.save(
      manager.create(Organisation, {
        name: account.organisation.name,
        kind: account.organisation.kind,
        creditCode,
        region: account.organisation.region,
        contactName: account.user.displayName,
        contactEmail: account.user.email,
        contactPhone: account.organisation.contactPhone,
        verificationStatus: 'verified',
        verifiedAt: new Date(),
        verifiedBy,
      }),
    );
  }
  let user = await manager.findOneBy(User, { email: account.user.email });
  if (!user) {
    user = await manager.save(
      manager.create(User, {
        organisationId: organisation.id,
        email: account.user.email,
        displayName: account.user.displayName,
        role: account.user.role,
        passwordHash,
      }),
    );
  }
  return { organisationId: organisation.id, userId: user.id, email: user.email };
}
