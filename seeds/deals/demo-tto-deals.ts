/** The demo TTO's deals (重庆大学): three with the demo company, four brokered by the demo manager. */
import type { Calendar } from './calendar';
import type { DemoDeal, UfplOffer } from './story';

/** 重庆大学 × 渝新智能装备 (the demo TTO and company, brokered by the demo manager): paying, entry fee paid. */
export function magnesiumUfpl(cal: Calendar): DemoDeal {
  const signedOn = cal.lastYear('04-18');
  const ufpl: UfplOffer = {
    freeUntil: cal.ago(190),
    triggerKind: 'first_revenue',
    paymentMode: 'entry_fee_royalty',
    entryFee: '50000.00',
    royaltyPercent: '3',
    royaltyCap: '600000.00',
    dueDays: 30,
    graceDays: 30,
  };
  return {
    institution: 'cqu',
    company: 'yuxin',
    type: 'use_first_pay_later',
    licenceScope: 'non_exclusive',
    titleSuffix: '（先使用后付费许可）',
    achievement: { mode: 'use_first_pay_later', fields: ['light-alloy'] },
    openedOn: cal.days(signedOn, -43),
    signedOn,
    steps: [
      { do: 'assign_manager' },
      {
        do: 'offer',
        by: 'company',
        summary: '非独占许可，先免费试用于电池包壳体试制，产生销售收入后付入门费并按销售额提成。',
        ufpl,
      },
      {
        do: 'message',
        by: 'manager',
        on: cal.days(signedOn, -30),
        body: '学校希望入门费覆盖专利维护和技术服务成本，建议在 8 万元左右商议。',
      },
      {
        do: 'offer',
        by: 'institution',
        summary: '非独占许可，入门费 8 万元，提成 3%，提成总额封顶 60 万元。',
        ufpl: { ...ufpl, entryFee: '80000.00' },
      },
      { do: 'accept' },
      { do: 'sign', by: 'manager' },
      { do: 'step', action: 'start', by: 'manager', note: '技术资料已交付，免费使用期开始。' },
      { do: 'distribute', recoverableCosts: '12000.00' },
      { do: 'report', from: cal.ago(189), to: cal.ago(100), revenue: '1260000.00' },
      { do: 'pay', seq: 1, on: cal.ago(74), by: 'manager' },
      { do: 'message', by: 'company', on: cal.ago(74), body: '入门费 8 万元已汇出，请查收并开具发票。' },
    ],
  };
}

/** 重庆大学 × 渝新智能装备: a plain licence signed this year, fee received. */
export function visionLicence(cal: Calendar): DemoDeal {
  const signedOn = cal.thisYear(0.55);
  return {
    institution: 'cqu',
    company: 'yuxin',
    type: 'licence',
    licenceScope: 'non_exclusive',
    titleSuffix: '（普通许可）',
    achievement: { mode: 'licence', fields: ['smart-equipment', 'ai-robotics'] },
    openedOn: cal.days(signedOn, -38),
    signedOn,
    steps: [
      { do: 'assign_manager' },
      {
        do: 'offer',
        by: 'institution',
        summary: '普通许可 5 年，含软件源代码、产线部署与两次现场培训。',
        price: '380000.00',
      },
      { do: 'accept' },
      { do: 'sign', by: 'manager' },
      { do: 'step', action: 'start', by: 'manager' },
      { do: 'distribute', recoverableCosts: '6000.00' },
      { do: 'income', kind: 'fee', amount: '380000.00', on: cal.between(signedOn, cal.today, 0.3) },
      {
        do: 'message',
        by: 'institution',
        on: cal.between(signedOn, cal.today, 0.3),
        body: '许可费已到账，部署培训安排在下周二。',
      },
    ],
  };
}

/** 重庆大学 × 渝新智能装备: still negotiating; the TTO's counter-offer waits for the company. */
export function magnesiumAlloyOffer(cal: Calendar): DemoDeal {
  const terms: UfplOffer = {
    freeUntil: cal.ahead(180),
    triggerKind: 'first_revenue',
    paymentMode: 'royalty',
    royaltyPercent: '2.5',
    royaltyCap: '400000.00',
    dueDays: 30,
    graceDays: 30,
  };
  return {
    institution: 'cqu',
    company: 'yuxin',
    type: 'use_first_pay_later',
    licenceScope: 'non_exclusive',
    titleSuffix: '（先使用后付费许可）',
    achievement: { mode: 'use_first_pay_later', fields: ['light-alloy', 'intelligent-nev'] },
    openedOn: cal.ago(19),
    signedOn: null,
    steps: [
      { do: 'assign_manager' },
      { do: 'message', by: 'company', on: cal.ago(17), body: '我方希望先小批量试用半年，按销售额提成，不设入门费。' },
      {
        do: 'offer',
        by: 'company',
        summary: '非独占许可，免费试用 6 个月，之后按销售额 2.5% 提成，封顶 40 万元。',
        ufpl: terms,
      },
      {
        do: 'message',
        by: 'institution',
        on: cal.ago(10),
        body: '可以接受提成方式，但需 6 万元入门费覆盖专利维护成本，请查看第 2 版条款。',
      },
      {
        do: 'offer',
        by: 'institution',
        summary: '非独占许可，免费试用 6 个月，入门费 6 万元，提成 3%，封顶 50 万元。',
        ufpl: {
          ...terms,
          paymentMode: 'entry_fee_royalty',
          entryFee: '60000.00',
          royaltyPercent: '3',
          royaltyCap: '500000.00',
        },
      },
      { do: 'message', by: 'manager', on: cal.ago(8), body: '建议双方本周内确认条款，我可以安排一次线下技术对接。' },
    ],
  };
}

/** 重庆大学 × 恒储新能源: rights for equity in a company founded on them this year. */
export function storageEquity(cal: Calendar): DemoDeal {
  const signedOn = cal.thisYear(0.3);
  return {
    institution: 'cqu',
    company: 'hengchu',
    type: 'rights_for_equity',
    titleSuffix: '（作价入股）',
    achievement: { mode: 'equity', fields: ['new-energy-storage'] },
    openedOn: cal.days(signedOn, -50),
    signedOn,
    steps: [
      { do: 'assign_manager' },
      {
        do: 'offer',
        by: 'institution',
        summary: '以该专利作价入股，与恒储新能源共同设立重庆恒储热控科技有限公司，学校所持股权 70% 奖励完成人团队。',
      },
      { do: 'accept' },
      { do: 'sign', by: 'institution' },
      { do: 'distribute', recoverableCosts: '25000.00' },
      {
        do: 'value',
        value: '3600000.00',
        method: '收益法',
        appraiser: '重庆渝信资产评估有限公司',
        on: cal.between(signedOn, cal.today, 0.2),
        by: 'manager',
      },
      {
        do: 'take_equity',
        companyName: '重庆恒储热控科技有限公司',
        newCompany: true,
        equityPercent: '18',
        institutionPercent: '30',
        teamPercent: '70',
        on: cal.between(signedOn, cal.today, 0.4),
      },
    ],
  };
}

/** 重庆大学 × 驰远新能源汽车部件: a transfer signed last year, paid, registered and completed. */
export function housingTransfer(cal: Calendar): DemoDeal {
  const signedOn = cal.lastYear('09-16');
  return {
    institution: 'cqu',
    company: 'chiyuan',
    type: 'transfer',
    titleSuffix: '（专利权转让）',
    achievement: { mode: 'transfer', fields: ['light-alloy'] },
    openedOn: cal.lastYear('08-02'),
    signedOn,
    steps: [
      { do: 'offer', by: 'institution', summary: '专利权转让，含工艺文件交付与 3 个月现场指导。', price: '1500000.00' },
      {
        do: 'offer',
        by: 'company',
        summary: '专利权转让，含工艺文件交付与 3 个月现场指导，转让费 135 万元。',
        price: '1350000.00',
      },
      { do: 'accept' },
      { do: 'sign', by: 'institution' },
      { do: 'distribute', recoverableCosts: '18000.00' },
      { do: 'income', kind: 'fee', amount: '1350000.00', on: cal.lastYear('10-20') },
      { do: 'step', action: 'register', by: 'institution', note: '国家知识产权局已登记著录项目变更。' },
      { do: 'step', action: 'complete', by: 'institution' },
    ],
  };
}
