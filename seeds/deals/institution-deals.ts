/** The deals of the other demo institutions, each with a company of its fields. */
import type { Calendar } from './calendar';
import type { DemoDeal } from './story';

/** 中科院重庆绿色智能院 × 智擎机器人: instalments triggered by revenue; the second one is past due, in grace. */
export function sortingUfpl(cal: Calendar): DemoDeal {
  const signedOn = cal.lastYear('03-12');
  return {
    institution: 'cigit',
    company: 'zhiqing',
    type: 'use_first_pay_later',
    licenceScope: 'sole',
    titleSuffix: '（先使用后付费许可）',
    achievement: { mode: 'use_first_pay_later', fields: ['ai-robotics'] },
    openedOn: cal.lastYear('01-28'),
    signedOn,
    steps: [
      {
        do: 'offer',
        by: 'institution',
        summary: '排他许可，累计销售收入达 100 万元后分 3 期支付许可费 120 万元，每期间隔 3 个月。',
        ufpl: {
          freeUntil: cal.ago(180),
          triggerKind: 'revenue_threshold',
          triggerThreshold: '1000000.00',
          paymentMode: 'instalments',
          fee: '1200000.00',
          instalmentCount: 3,
          intervalMonths: 3,
          dueDays: 15,
          graceDays: 30,
        },
      },
      { do: 'accept' },
      { do: 'assign_manager' },
      { do: 'sign', by: 'institution' },
      { do: 'step', action: 'start', by: 'institution' },
      { do: 'distribute', recoverableCosts: '15000.00' },
      { do: 'report', from: cal.ago(230), to: cal.ago(171), revenue: '460000.00' },
      { do: 'report', from: cal.ago(170), to: cal.ago(110), revenue: '720000.00' },
      { do: 'pay', seq: 1, on: cal.ago(97), by: 'institution' },
      { do: 'message', by: 'manager', on: cal.ago(2), body: '第 2 期许可费已过到期日，请在 30 天宽限期内安排付款。' },
    ],
  };
}

/** 西南大学 × 荣牧生猪: signed a few weeks ago, in its free-use year; payment starts on a date. */
export function pigHouseUfpl(cal: Calendar): DemoDeal {
  const signedOn = cal.recent(20);
  return {
    institution: 'swu',
    company: 'rongmu',
    type: 'use_first_pay_later',
    licenceScope: 'non_exclusive',
    titleSuffix: '（先使用后付费许可）',
    achievement: { mode: 'use_first_pay_later', fields: ['food-agri'] },
    openedOn: cal.days(signedOn, -30),
    signedOn,
    steps: [
      {
        do: 'offer',
        by: 'company',
        summary: '非独占许可，免费使用 12 个月，期满后分 2 期支付许可费 36 万元。',
        ufpl: {
          freeUntil: cal.days(cal.months(signedOn, 12), -1),
          triggerKind: 'date',
          triggerDate: cal.months(signedOn, 12),
          paymentMode: 'instalments',
          fee: '360000.00',
          instalmentCount: 2,
          intervalMonths: 6,
          dueDays: 30,
          graceDays: 30,
        },
      },
      { do: 'accept' },
      { do: 'sign', by: 'institution' },
      { do: 'step', action: 'start', by: 'institution' },
      { do: 'distribute', recoverableCosts: '5000.00' },
    ],
  };
}

/** 西南大学 × 武陵本草: an exclusive licence signed late last year, fee received. */
export function herbLicence(cal: Calendar): DemoDeal {
  const signedOn = cal.lastYear('11-05');
  return {
    institution: 'swu',
    company: 'wuling-herb',
    type: 'licence',
    licenceScope: 'exclusive',
    titleSuffix: '（独占许可）',
    achievement: { mode: 'licence', fields: ['modern-tcm'] },
    openedOn: cal.lastYear('09-22'),
    signedOn,
    steps: [
      {
        do: 'offer',
        by: 'institution',
        summary: '重庆市内独占许可 5 年，含种植技术规程与基地现场培训。',
        price: '1800000.00',
      },
      { do: 'accept' },
      { do: 'sign', by: 'institution' },
      { do: 'step', action: 'start', by: 'institution' },
      { do: 'distribute', recoverableCosts: '12000.00' },
      { do: 'income', kind: 'fee', amount: '1800000.00', on: cal.lastYear('12-10') },
    ],
  };
}

/** 重庆邮电大学 × 山城云数: a transfer signed this year, paid and registered. */
export function platformTransfer(cal: Calendar): DemoDeal {
  const signedOn = cal.thisYear(0.7);
  return {
    institution: 'cqupt',
    company: 'shancheng-data',
    type: 'transfer',
    titleSuffix: '（专利权转让）',
    achievement: { mode: 'transfer', fields: ['software-it'] },
    openedOn: cal.days(signedOn, -40),
    signedOn,
    steps: [
      { do: 'offer', by: 'company', summary: '3 项发明专利权转让，含源代码与一年技术支持。', price: '960000.00' },
      { do: 'accept' },
      { do: 'sign', by: 'institution' },
      { do: 'distribute', recoverableCosts: '8000.00' },
      { do: 'income', kind: 'fee', amount: '960000.00', on: cal.between(signedOn, cal.today, 0.3) },
      { do: 'step', action: 'register', by: 'institution' },
    ],
  };
}

/** 重庆理工大学 × 骁腾摩托车: 70% of the rights granted to the research team (赋权). */
export function engineGrant(cal: Calendar): DemoDeal {
  const signedOn = cal.thisYear(0.2);
  return {
    institution: 'cqut',
    company: 'xiaoteng',
    type: 'rights_grant',
    titleSuffix: '（职务科技成果赋权）',
    achievement: { mode: null, fields: ['motorcycle'] },
    openedOn: cal.days(signedOn, -28),
    signedOn,
    steps: [
      {
        do: 'offer',
        by: 'institution',
        summary: '赋予完成人团队该专利 70% 的所有权，由团队与骁腾摩托车合作实施转化。',
      },
      { do: 'accept' },
      { do: 'sign', by: 'institution' },
      { do: 'distribute', recoverableCosts: '0.00' },
      { do: 'grant', sharePercent: '70', on: cal.between(signedOn, cal.today, 0.1) },
    ],
  };
}

/** 重庆医科大学 × 康屹医疗器械: cancelled by the company after a counter-offer. */
export function ultrasoundCancelled(cal: Calendar): DemoDeal {
  return {
    institution: 'cqmu',
    company: 'kangyi',
    type: 'licence',
    licenceScope: 'sole',
    titleSuffix: '（排他许可）',
    achievement: { mode: 'licence', fields: ['medical-devices'] },
    openedOn: cal.ago(75),
    signedOn: null,
    steps: [
      { do: 'offer', by: 'company', summary: '排他许可 3 年。', price: '900000.00' },
      { do: 'offer', by: 'institution', summary: '排他许可 5 年，含注册检验资料。', price: '1500000.00' },
      { do: 'message', by: 'company', on: cal.ago(52), body: '因年度预算调整，我方暂不推进本项目，感谢贵校支持。' },
      { do: 'step', action: 'cancel', by: 'company', note: '年度预算调整' },
    ],
  };
}

/** 重庆交通大学 × 精测仪表: triggered by first revenue, lump sum paid, completed. */
export function monitoringUfpl(cal: Calendar): DemoDeal {
  const signedOn = cal.lastYear('04-22');
  return {
    institution: 'cqjtu',
    company: 'jingce',
    type: 'use_first_pay_later',
    licenceScope: 'non_exclusive',
    titleSuffix: '（先使用后付费许可）',
    achievement: { mode: 'use_first_pay_later', fields: ['sensors-instruments'] },
    openedOn: cal.lastYear('03-15'),
    signedOn,
    steps: [
      {
        do: 'offer',
        by: 'institution',
        summary: '非独占许可，产生首笔销售收入后 60 天内一次性支付许可费 48 万元。',
        ufpl: {
          freeUntil: cal.ago(150),
          triggerKind: 'first_revenue',
          paymentMode: 'lump_sum',
          fee: '480000.00',
          dueDays: 60,
          graceDays: 30,
        },
      },
      { do: 'accept' },
      { do: 'sign', by: 'institution' },
      { do: 'step', action: 'start', by: 'institution' },
      { do: 'distribute', recoverableCosts: '8000.00' },
      { do: 'report', from: cal.ago(220), to: cal.ago(130), revenue: '350000.00' },
      { do: 'pay', seq: 1, on: cal.ago(72), by: 'institution' },
    ],
  };
}

/** 重庆科技大学 × 氢途能源: rights for equity in a company founded last year; a dividend since. */
export function hydrogenEquity(cal: Calendar): DemoDeal {
  const signedOn = cal.lastYear('05-08');
  return {
    institution: 'cqust',
    company: 'qingtu',
    type: 'rights_for_equity',
    titleSuffix: '（作价入股）',
    achievement: { mode: 'equity', fields: ['future-energy'] },
    openedOn: cal.lastYear('03-28'),
    signedOn,
    steps: [
      {
        do: 'offer',
        by: 'institution',
        summary: '以该专利作价入股氢途能源新设的膜电极公司，学校所持股权 60% 奖励完成人团队。',
      },
      { do: 'accept' },
      { do: 'sign', by: 'institution' },
      { do: 'distribute', recoverableCosts: '20000.00' },
      {
        do: 'value',
        value: '2400000.00',
        method: '市场法',
        appraiser: '重庆融信资产评估有限公司',
        on: cal.lastYear('06-10'),
        by: 'institution',
      },
      {
        do: 'take_equity',
        companyName: '重庆氢途膜电极科技有限公司',
        newCompany: true,
        equityPercent: '15',
        institutionPercent: '40',
        teamPercent: '60',
        on: cal.lastYear('07-01'),
      },
      { do: 'income', kind: 'dividend', amount: '96000.00', on: cal.ago(40) },
    ],
  };
}
