/**
 * Demo catalogue for the demo accounts: researchers and published achievements of the demo
 * university, published needs of the demo company. Fictional people and patent numbers.
 */
import type { CooperationMode, LegalStatus } from '@kuaizhuan/catalog';

export interface DemoResearcher {
  ref: string;
  name: string;
  title: string;
  institutionName: string;
  profile: string;
  researchAreas: string[];
  fieldCodes: string[];
  commissionerAvailable: boolean;
  email: string;
}

export interface DemoAchievement {
  ref: string;
  title: string;
  summary: string;
  applicationScenarios: string;
  advantages: string;
  keywords: string[];
  fieldCodes: string[];
  ipType: string;
  patentNumbers: string[];
  legalStatus: LegalStatus;
  trl: number;
  maturityStage: string;
  transferModes: CooperationMode[];
  priceMin: string | null;
  priceMax: string | null;
  institutionName: string;
  separateLedger: boolean;
  researchers: string[];
}

export interface DemoNeed {
  title: string;
  summary: string;
  description: string;
  problem: string;
  indicators: string;
  keywords: string[];
  fieldCodes: string[];
  desiredStage: string;
  minTrl: number;
  budgetMin: string;
  budgetMax: string;
  cooperationModes: CooperationMode[];
  regionCode: string;
  deadline: string;
  confidentiality: 'public' | 'summary_only';
}

export const DEMO_RESEARCHERS: DemoResearcher[] = [
  {
    ref: 'DEMO-R-01',
    name: '周明远',
    title: '教授',
    institutionName: '材料科学与工程学院',
    profile: '长期从事镁、铝轻合金成形与组织调控研究。',
    researchAreas: ['镁合金', '轻量化', '轧制成形'],
    fieldCodes: ['light-alloy', 'advanced-materials'],
    commissionerAvailable: true,
    email: 'zhou.demo@example.edu.cn',
  },
  {
    ref: 'DEMO-R-02',
    name: '林晓雯',
    title: '副教授',
    institutionName: '自动化学院',
    profile: '研究智能网联汽车多传感器融合感知与决策。',
    researchAreas: ['毫米波雷达', '多传感器融合', '自动驾驶'],
    fieldCodes: ['intelligent-nev', 'ai-robotics'],
    commissionerAvailable: true,
    email: 'lin.demo@example.edu.cn',
  },
  {
    ref: 'DEMO-R-03',
    name: '何建国',
    title: '研究员',
    institutionName: '能源与动力工程学院',
    profile: '研究锂离子电池热管理与储能系统安全。',
    researchAreas: ['电池热管理', '储能安全'],
    fieldCodes: ['new-energy-storage'],
    commissionerAvailable: false,
    email: 'he.demo@example.edu.cn',
  },
  {
    ref: 'DEMO-R-04',
    name: '陈思琪',
    title: '讲师',
    institutionName: '药学院',
    profile: '研究道地中药材有效成分提取与质量控制。',
    researchAreas: ['中药提取', '质量控制'],
    fieldCodes: ['modern-tcm', 'biomedicine'],
    commissionerAvailable: true,
    email: 'chen.demo@example.edu.cn',
  },
];

export const DEMO_ACHIEVEMENTS: DemoAchievement[] = [
  {
    ref: 'DEMO-A-01',
    title: '高强韧镁合金板材连续轧制技术',
    summary: '通过异步轧制与在线退火，使镁合金板材强度与塑性同时提升，适合汽车覆盖件与电池包壳体。',
    applicationScenarios: '新能源汽车电池包壳体、座椅骨架、3C 产品外壳',
    advantages: '较钢制方案减重 35% 以上，成形性优于常规镁合金板',
    keywords: ['镁合金', '轧制', '轻量化'],
    fieldCodes: ['light-alloy', 'intelligent-nev'],
    ipType: 'invention_patent',
    patentNumbers: ['ZL2024DEMO0001.1'],
    legalStatus: 'granted',
    trl: 6,
    maturityStage: 'pilot',
    transferModes: ['licence', 'use_first_pay_later'],
    priceMin: '800000.00',
    priceMax: '1500000.00',
    institutionName: '材料科学与工程学院',
    separateLedger: true,
    researchers: ['DEMO-R-01'],
  },
  {
    ref: 'DEMO-A-02',
    title: '车规级毫米波雷达目标识别算法',
    summary: '面向城市道路的毫米波雷达点云聚类与目标识别算法，可在低算力芯片上实时运行。',
    applicationScenarios: '智能网联汽车辅助驾驶、路侧感知',
    advantages: '误检率较传统方法降低 40%，单帧处理 < 10 ms',
    keywords: ['毫米波雷达', '目标识别', '辅助驾驶'],
    fieldCodes: ['intelligent-nev', 'software-it'],
    ipType: 'software_copyright',
    patentNumbers: ['2024SRDEMO0002'],
    legalStatus: 'granted',
    trl: 7,
    maturityStage: 'industrial',
    transferModes: ['licence', 'joint_development'],
    priceMin: '500000.00',
    priceMax: '1200000.00',
    institutionName: '自动化学院',
    separateLedger: false,
    researchers: ['DEMO-R-02'],
  },
  {
    ref: 'DEMO-A-03',
    title: '储能电池模组液冷热管理系统',
    summary: '基于微通道液冷板与分区控温策略的储能电池模组热管理系统。',
    applicationScenarios: '工商业储能、电动汽车电池包',
    advantages: '模组温差控制在 3℃ 以内，能耗降低 20%',
    keywords: ['储能', '热管理', '液冷'],
    fieldCodes: ['new-energy-storage', 'intelligent-nev'],
    ipType: 'invention_patent',
    patentNumbers: ['ZL2023DEMO0003.5', 'ZL2024DEMO0004.2'],
    legalStatus: 'granted',
    trl: 5,
    maturityStage: 'bench',
    transferModes: ['transfer', 'equity'],
    priceMin: '2000000.00',
    priceMax: '3000000.00',
    institutionName: '能源与动力工程学院',
    separateLedger: true,
    researchers: ['DEMO-R-03'],
  },
  {
    ref: 'DEMO-A-04',
    title: '黄连有效成分超临界萃取工艺',
    summary: '以超临界二氧化碳萃取黄连生物碱，提取率高、无有机溶剂残留。',
    applicationScenarios: '中药饮片与提取物生产',
    advantages: '提取率提高 25%，生产周期缩短一半',
    keywords: ['中药', '超临界萃取', '黄连'],
    fieldCodes: ['modern-tcm'],
    ipType: 'invention_patent',
    patentNumbers: ['ZL2022DEMO0005.8'],
    legalStatus: 'granted',
    trl: 6,
    maturityStage: 'pilot',
    transferModes: ['use_first_pay_later', 'licence'],
    priceMin: null,
    priceMax: null,
    institutionName: '药学院',
    separateLedger: false,
    researchers: ['DEMO-R-04'],
  },
];

export const DEMO_NEEDS: DemoNeed[] = [
  {
    title: '电动物流车电池包壳体轻量化',
    summary: '寻求电池包壳体减重 30% 的材料与工艺方案',
    description: '现有钢制电池包壳体重量偏大，影响续航，希望采用轻合金或复合材料方案。',
    problem: '在满足碰撞与密封要求的前提下减重 30%',
    indicators: '减重 ≥30%，成本增加 ≤10%，IP67',
    keywords: ['电池包', '轻量化', '镁合金'],
    fieldCodes: ['intelligent-nev', 'light-alloy'],
    desiredStage: 'pilot',
    minTrl: 6,
    budgetMin: '500000.00',
    budgetMax: '2000000.00',
    cooperationModes: ['licence', 'joint_development', 'use_first_pay_later'],
    regionCode: '500112',
    deadline: '2027-12-31',
    confidentiality: 'public',
  },
  {
    title: '装配产线视觉质检系统',
    summary: '为智能装备装配线引入缺陷视觉检测',
    description: '装配线人工目检效率低，希望引入基于深度学习的视觉质检。',
    problem: '小缺陷识别率不足，误检率高',
    indicators: '缺陷检出率 ≥99%，节拍 ≤2 s',
    keywords: ['视觉检测', '质检', '深度学习'],
    fieldCodes: ['smart-equipment', 'ai-robotics'],
    desiredStage: 'industrial',
    minTrl: 7,
    budgetMin: '300000.00',
    budgetMax: '800000.00',
    cooperationModes: ['commissioned_rd', 'licence'],
    regionCode: '500112',
    deadline: '2027-06-30',
    confidentiality: 'summary_only',
  },
];
