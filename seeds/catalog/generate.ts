import { COOPERATION_MODES, type CooperationMode, type LegalStatus } from '@kuaizhuan/catalog';
import { cluster, topicMetrics, type ClusterVocabulary, type Metric, type ResultKind, type Topic } from './clusters';
import { DEMO_COMPANIES, DEMO_INSTITUTIONS, DISTRICTS, type DemoCompany, type DemoInstitution } from './organisations';
import { layoutDesignNumber, patentNumber, plantVarietyNumber, softwareRegistration } from './patents';
import { newPerson } from './people';
import { randomFor, type Random } from './random';
import type { DemoCatalog, SeedAchievement, SeedNeed, SeedResearcher } from './records';
import {
  achievedText,
  achievedValue,
  fillRanges,
  list,
  niceWan,
  points,
  requiredText,
  requiredValue,
  STAGE_TRL,
  stageOfTrl,
  yuan,
  type Stage,
} from './wording';

/*
 * Writes the generated part of the demo catalogue from the cluster vocabularies: researchers
 * of each institution, the achievements they lead, and the needs of each company, a good
 * share of them written to fit one achievement of the same cluster. Pure and deterministic:
 * the same code gives the same catalogue, field for field.
 */

/** Whether two phrases share two consecutive characters (生猪智能化养殖 / 智能化改造). */
function overlaps(a: string, b: string): boolean {
  for (let i = 0; i + 2 <= b.length; i += 1) if (a.includes(b.slice(i, i + 2))) return true;
  return false;
}

/** The aims that read well after the topic's object (not 智慧物流调度智能调度). */
function aimsOf(topic: Topic): string[] {
  const fitting = topic.aims.filter((aim) => !overlaps(topic.object, aim));
  return fitting.length > 0 ? fitting : topic.aims;
}

/** Achievements per researcher, on average. */
const ACHIEVEMENTS_PER_RESEARCHER = 2.5;
/** Share of needs written to fit a particular achievement. */
const FITTED_NEED_SHARE = 0.7;
/** Needs of the demo company account (the others have 5 to 8 each). */
const DEMO_COMPANY_NEEDS = 8;

/** A researcher while the catalogue is written: the record and what they work on. */
interface Profile {
  record: SeedResearcher;
  institution: DemoInstitution;
  cluster: ClusterVocabulary;
  department: string;
  topics: Topic[];
}

/** A figure of a result as written on its listing. */
interface Figure {
  metric: Metric;
  value: number;
  text: string;
}

/** An achievement while the catalogue is written: the record and what a fitted need reuses. */
interface Written {
  record: SeedAchievement;
  cluster: ClusterVocabulary;
  topic: Topic;
  /** Each metric of the topic with the value the result reaches. */
  figures: Figure[];
}

// ---------------------------------------------------------------------------------------------
// Researchers

const UNIVERSITY_TITLES: [string, number][] = [
  ['教授', 35],
  ['副教授', 35],
  ['研究员', 6],
  ['高级工程师', 12],
  ['讲师', 12],
];
const INSTITUTE_TITLES: [string, number][] = [
  ['研究员', 35],
  ['副研究员', 35],
  ['高级工程师', 20],
  ['助理研究员', 10],
];

function supervisor(title: string): string {
  if (title === '教授' || title === '研究员') return '博士生导师';
  if (title === '副教授' || title === '副研究员') return '硕士生导师';
  return '';
}

function projects(r: Random): string {
  return r.pick([
    `主持国家自然科学基金项目${r.int(1, 4)}项`,
    `主持国家重点研发计划课题${r.int(1, 2)}项`,
    `承担重庆市技术创新与应用发展专项${r.int(1, 3)}项`,
    `主持省部级科研项目${r.int(2, 8)}项`,
    '作为骨干参与国家重点研发计划项目',
    `主持企业委托横向项目${r.int(5, 20)}项`,
  ]);
}

function record(r: Random): string {
  return r.pick([
    `发表SCI/EI论文${r.int(2, 9) * 10}余篇，授权发明专利${r.int(5, 30)}项`,
    `授权发明专利${r.int(6, 25)}项，其中${r.int(2, 5)}项已实现转化`,
    `获重庆市科技进步奖${r.pick(['一等奖', '二等奖', '三等奖'])}1项`,
    `参与制定国家及行业标准${r.int(1, 4)}项`,
    `成果在${r.int(3, 15)}家企业得到应用`,
  ]);
}

function researcherProfile(r: Random, title: string, department: string, areas: string[]): string {
  const [a1, a2, a3] = areas;
  const tutor = supervisor(title);
  const opening = tutor ? `${title}，${tutor}。` : `${title}。`;
  if (title === '高级工程师' && r.chance(0.7)) {
    return `具有${r.int(8, 20)}年企业研发经历，熟悉${a1}的工程化和产业化，${projects(r)}。`;
  }
  switch (r.int(0, 2)) {
    case 0:
      return `${opening}长期从事${a1}与${a2}研究，${projects(r)}，${record(r)}。`;
    case 1:
      return `主要研究方向为${list(areas.slice(0, 3))}。${projects(r)}；${record(r)}。`;
    default:
      return `现任职于${department}。研究聚焦${a1}，近年来围绕${a3 ?? a2}与${r.int(3, 12)}家企业开展技术合作，${record(r)}。`;
  }
}

function commissionerNote(r: Random, region: string, areas: string[], clusterName: string): string {
  return r.pick([
    `可作为科技特派员赴${DISTRICTS[region] ?? '重庆'}等区县企业开展技术服务，每月可安排${r.int(2, 6)}天现场指导。`,
    `擅长${areas[0]}现场问题诊断，可为企业提供工艺咨询和技术人员培训。`,
    `愿意以科技特派员身份长期服务${clusterName}领域的中小企业。`,
  ]);
}

function writeResearchers(institution: DemoInstitution, names: Set<string>): Profile[] {
  const profiles: Profile[] = [];
  for (let i = 0; i < institution.researchers; i += 1) {
    const ref = `${institution.refPrefix}-R-${String(i + 1).padStart(3, '0')}`;
    const r = randomFor('researcher', ref);
    const [clusterCode, department] = institution.departments[i % institution.departments.length];
    const vocabulary = cluster(clusterCode);
    const topics = r.sample(vocabulary.topics, 2);
    const areas: string[] = [];
    for (const topic of topics) {
      areas.push(topic.object);
      const keyword = r.shuffle(topic.keywords).find((k) => areas.every((area) => !overlaps(area, k)));
      if (keyword) areas.push(keyword);
    }
    const person = newPerson(r, names);
    const title = r.weighted(institution.kind === 'research_institute' ? INSTITUTE_TITLES : UNIVERSITY_TITLES);
    const commissioner = r.chance(title === '高级工程师' || title === '副教授' ? 0.5 : 0.3);
    profiles.push({
      institution,
      cluster: vocabulary,
      department,
      topics,
      record: {
        org: institution.key,
        ref,
        name: person.name,
        title,
        institutionName: `${institution.shortName}${department === institution.shortName ? '' : department}`,
        profile: researcherProfile(r, title, department, areas),
        researchAreas: areas,
        fieldCodes: [...new Set([vocabulary.code, ...topics.flatMap((t) => t.fields ?? []), vocabulary.discipline])],
        commissionerAvailable: commissioner,
        commissionerNote: commissioner ? commissionerNote(r, institution.region, areas, vocabulary.name) : '',
        email: `${person.surnamePinyin}.${ref.toLowerCase()}@${institution.mailDomain}`,
      },
    });
  }
  return profiles;
}

// ---------------------------------------------------------------------------------------------
// Achievements

const STAGE_WEIGHTS: Record<ResultKind, [Stage, number][]> = {
  material: [
    ['lab', 15],
    ['bench', 30],
    ['pilot', 35],
    ['industrial', 20],
  ],
  process: [
    ['lab', 10],
    ['bench', 30],
    ['pilot', 35],
    ['industrial', 25],
  ],
  device: [
    ['lab', 12],
    ['bench', 28],
    ['pilot', 35],
    ['industrial', 25],
  ],
  software: [
    ['lab', 8],
    ['bench', 20],
    ['pilot', 35],
    ['industrial', 37],
  ],
  drug: [
    ['lab', 30],
    ['bench', 35],
    ['pilot', 25],
    ['industrial', 10],
  ],
  agri: [
    ['lab', 10],
    ['bench', 25],
    ['pilot', 35],
    ['industrial', 30],
  ],
};

const STAGE_PRICE_FACTOR: Record<Stage, number> = { lab: 0.35, bench: 0.6, pilot: 1, industrial: 1.4 };

type IpType =
  | 'invention_patent'
  | 'utility_model'
  | 'design_patent'
  | 'software_copyright'
  | 'ic_layout'
  | 'plant_variety'
  | 'know_how';

function ipTypeFor(r: Random, kind: ResultKind, topic: Topic, clusterCode: string): IpType {
  if (clusterCode === 'power-semi-ic' && topic.object.includes('芯片') && r.chance(0.4)) return 'ic_layout';
  if (topic.keywords.includes('良种繁育') && r.chance(0.4)) return 'plant_variety';
  switch (kind) {
    case 'software':
      return r.weighted<IpType>([
        ['software_copyright', 55],
        ['invention_patent', 45],
      ]);
    case 'device':
      return r.weighted<IpType>([
        ['invention_patent', 60],
        ['utility_model', 30],
        ['design_patent', 3],
        ['know_how', 7],
      ]);
    case 'drug':
      return r.weighted<IpType>([
        ['invention_patent', 95],
        ['know_how', 5],
      ]);
    case 'agri':
      return r.weighted<IpType>([
        ['invention_patent', 60],
        ['know_how', 25],
        ['utility_model', 15],
      ]);
    default:
      return r.weighted<IpType>([
        ['invention_patent', 80],
        ['know_how', 12],
        ['utility_model', 8],
      ]);
  }
}

function rights(r: Random, ipType: IpType): { numbers: string[]; legalStatus: LegalStatus } {
  const year = r.weighted<number>([
    [2019, 6],
    [2020, 10],
    [2021, 14],
    [2022, 18],
    [2023, 20],
    [2024, 18],
    [2025, 14],
  ]);
  const years = (count: number): number[] =>
    Array.from({ length: count }, (_, i) => Math.min(2025, year + (i === 0 ? 0 : r.int(0, 1))));
  switch (ipType) {
    case 'invention_patent': {
      const granted = year <= 2023 ? r.chance(0.9) : r.chance(0.35);
      return {
        numbers: years(r.weighted([[1, 50] as const, [2, 35] as const, [3, 15] as const])).map((y) =>
          patentNumber(r, 'invention', y, granted),
        ),
        legalStatus: granted ? 'granted' : 'filed',
      };
    }
    case 'utility_model':
      return { numbers: years(r.int(1, 2)).map((y) => patentNumber(r, 'utility', y, true)), legalStatus: 'granted' };
    case 'design_patent':
      return { numbers: [patentNumber(r, 'design', year, true)], legalStatus: 'granted' };
    case 'software_copyright':
      return { numbers: years(r.int(1, 2)).map((y) => softwareRegistration(r, y)), legalStatus: 'granted' };
    case 'ic_layout':
      return { numbers: [layoutDesignNumber(r, year)], legalStatus: 'granted' };
    case 'plant_variety':
      return { numbers: [plantVarietyNumber(r, year)], legalStatus: 'granted' };
    case 'know_how':
      return { numbers: [], legalStatus: 'not_applicable' };
  }
}

function transferModes(r: Random, stage: Stage, ipType: IpType, legalStatus: LegalStatus): CooperationMode[] {
  const modes = new Set<CooperationMode>([r.chance(0.7) ? 'licence' : 'transfer']);
  if (r.chance(0.35)) modes.add('transfer');
  if (r.chance(0.3)) modes.add('licence');
  // 先使用后付费 is offered on granted patents (the city's pilot scheme).
  const patent = ipType === 'invention_patent' || ipType === 'utility_model';
  if (patent && legalStatus === 'granted' && r.chance(0.45)) modes.add('use_first_pay_later');
  if (r.chance(stage === 'pilot' || stage === 'industrial' ? 0.3 : 0.12)) modes.add('equity');
  if (r.chance(stage === 'lab' || stage === 'bench' ? 0.55 : 0.25)) modes.add('joint_development');
  if (r.chance(0.08)) modes.add('commissioned_rd');
  return COOPERATION_MODES.filter((mode) => modes.has(mode));
}

function askingPrice(r: Random, vocabulary: ClusterVocabulary, stage: Stage): [string | null, string | null] {
  if (r.chance(0.12)) return [null, null]; // 面议
  const [low, high] = vocabulary.price;
  const min = niceWan(r.between(low, high, 1) * STAGE_PRICE_FACTOR[stage]);
  if (r.chance(0.08)) return [yuan(min), yuan(min)];
  const max = Math.max(niceWan(min * r.between(1.3, 2.5, 2)), min);
  return [yuan(min), yuan(max)];
}

/** An amount in 万元 as people say it: 3500万元, 2.5亿元. */
function output(wan: number): string {
  return wan >= 10_000 ? `${wan / 10_000}亿元` : `${wan}万元`;
}

const TEAM = ['研究团队', '项目组', '课题组', '团队'];

function stageSentence(r: Random, kind: ResultKind, stage: Stage, use: string): string {
  const district = r.pick(Object.values(DISTRICTS));
  if (kind === 'software') {
    return r.pick(
      {
        lab: ['目前已完成原型系统开发和功能测试', '核心算法已在公开数据集和企业样本上完成验证'],
        bench: ['已完成原型系统开发，并在合作单位的真实数据上完成测试', '已在实验环境中完成系统联调和性能测试'],
        pilot: [`已在${r.int(2, 5)}家单位试点部署，运行稳定`, `系统已在${district}的合作单位试运行${r.int(3, 12)}个月`],
        industrial: [`已在${r.int(5, 30)}家单位推广应用`, `已形成标准化产品，累计服务用户${r.int(20, 200)}家`],
      }[stage],
    );
  }
  if (kind === 'drug') {
    return r.pick(
      {
        lab: ['已完成化合物筛选和初步药效学评价', '已完成体外活性和作用机制研究'],
        bench: ['已完成药学研究和主要药效学研究', '已完成制备工艺小试和质量标准研究'],
        pilot: ['已完成临床前研究，具备申报临床试验的条件', '已完成中试放大和三批验证批生产'],
        industrial: ['已完成工艺放大和验证，具备商业化生产条件', '已与生产企业完成技术对接和工艺转移'],
      }[stage],
    );
  }
  if (kind === 'agri') {
    return r.pick(
      {
        lab: ['已完成盆栽和小区试验', '已完成室内试验和关键参数优化'],
        bench: ['已在试验基地完成小面积示范', `已在${district}完成${r.int(20, 80)}亩试验示范`],
        pilot: [`已在${district}建立示范基地${r.int(100, 800)}亩`, `已在${r.int(3, 8)}个区县开展中试示范`],
        industrial: [`已在全市累计推广${r.int(2, 20)}万亩（头）`, `已在${r.int(10, 40)}家合作社和企业推广应用`],
      }[stage],
    );
  }
  return r.pick(
    {
      lab: [
        '目前已完成实验室原理验证，正在寻找中试合作伙伴',
        '已完成关键技术的实验室验证',
        '已完成原理样机研制和实验室测试',
      ],
      bench: [
        `已完成小试，累计制备样品${r.int(5, 30)}批次，性能稳定`,
        '小试验证已完成，具备开展中试的条件',
        '已完成小批量试制和性能测试',
      ],
      pilot: [
        `已在合作企业完成中试，累计运行${r.int(500, 3000)}小时`,
        '已建成中试线，具备小批量供货能力',
        `中试产品已交付${r.int(2, 6)}家用户试用，反馈良好`,
      ],
      industrial: [
        `已在${r.int(3, 12)}家企业推广应用，累计新增产值约${output(r.int(2, 60) * 500)}`,
        `已实现产业化，产品批量应用于${use}`,
        `已在${district}的合作企业建成示范线并稳定运行`,
      ],
    }[stage],
  );
}

function ipPhrase(ipType: IpType, count: number, legalStatus: LegalStatus): string {
  switch (ipType) {
    case 'invention_patent':
      return legalStatus === 'granted' ? `已获授权发明专利${count}项` : `已申请发明专利${count}项`;
    case 'utility_model':
      return `获授权实用新型专利${count}项`;
    case 'design_patent':
      return '获外观设计专利1项';
    case 'software_copyright':
      return `登记软件著作权${count}项`;
    case 'ic_layout':
      return '已登记集成电路布图设计';
    case 'plant_variety':
      return '已获植物新品种权';
    case 'know_how':
      return '核心工艺以技术秘密形式保护';
  }
}

function achievementSummary(
  r: Random,
  topic: Topic,
  kind: ResultKind,
  stage: Stage,
  figures: string[],
  department: string,
  ip: string,
  titleMethod: string | null,
): string {
  const method = titleMethod ?? r.pick(topic.methods);
  const method2 = r.pick(topic.methods.filter((m) => m !== method));
  const pain = r.pick(topic.pains);
  const use = r.pick(topic.uses);
  const team = r.pick(TEAM);
  const stageText = stageSentence(r, kind, stage, use);
  const [f1, f2, f3] = figures;
  const tested = r.pick(['经第三方检测，', '实测', '经用户现场测试，', '']);
  switch (r.int(0, 5)) {
    case 0:
      return `针对${pain}等问题，${team}以${method}为核心开展攻关，${f1}，${f2}。${stageText}。`;
    case 1:
      return `本成果面向${use}，围绕${topic.object}提出了基于${method}的技术方案。${tested}${f1}，${f2}，${f3}。${stageText}。`;
    case 2:
      return `${kind === 'drug' ? `${use}临床需求迫切，现有治疗手段` : `${use}对${topic.object}提出了更高要求，现有技术`}普遍存在${pain}的不足。${team}经过${r.int(3, 10)}年研究，将${method}与${method2}相结合，${f1}，${f2}。${stageText}。`;
    case 3:
      return `该成果采用${method}，解决了${pain}这一行业难题，${f1}，${f3}。${stageText}，${ip}。`;
    case 4:
      return `${team}依托${department}，在${topic.object}方面积累了${r.int(5, 15)}年研究基础，形成了以${method}为特色的技术体系。主要指标：${f1}；${f2}；${f3}。${stageText}。`;
    default:
      return `成果通过${method}实现${topic.object}的${r.pick(aimsOf(topic))}。与传统方案相比，${f1}，${f2}。${stageText}。`;
  }
}

function scenarios(r: Random, topic: Topic): string {
  const [u1, u2, u3] = r.shuffle(topic.uses);
  switch (r.int(0, 3)) {
    case 0:
      return `可用于${list([u1, u2, u3].filter(Boolean))}等领域。`;
    case 1:
      return u2 ? `主要面向${u1}，也可推广至${list([u2, u3].filter(Boolean))}。` : `主要面向${u1}。`;
    case 2:
      return `${[u1, u2, u3].filter(Boolean).join('；')}。`;
    default:
      return `适用于${list([u1, u2].filter(Boolean))}，可根据用户工况定制。`;
  }
}

const KIND_ADVANTAGES: Record<ResultKind, string[]> = {
  material: ['原料易得，制备工艺可放大', '与现有成形和加工工艺兼容'],
  process: ['工艺流程短，易于在现有产线上实施', '三废排放少，符合环保要求'],
  device: ['结构紧凑，便于集成和维护', '核心部件可本地配套'],
  software: ['支持私有化部署和二次开发', '界面简洁，一线人员容易上手'],
  drug: ['作用机制明确，安全窗口较宽', '知识产权清晰，无侵权风险'],
  agri: ['技术简便易学，适合农户和合作社推广', '投入少、见效快'],
};

function advantages(r: Random, vocabulary: ClusterVocabulary, kind: ResultKind, figure: Figure): string {
  const baseline = r.pick(['传统方案', '进口同类产品', '现有工艺', '常规方法']);
  const comparison =
    figure.metric.sense === 'pct'
      ? `与${baseline}相比，${figure.text}`
      : r.pick([`${figure.text}，优于${baseline}`, `${figure.text}，达到${baseline}水平`]);
  const items = [comparison, fillRanges(r, r.pick(vocabulary.advantages)), r.pick(KIND_ADVANTAGES[kind])];
  return points(r, r.chance(0.3) ? items.slice(0, 2) : items);
}

const INTERNAL_NOTES = [
  '已与{2-5}家企业初步接触，尚未签约。',
  '已纳入赋权改革试点，成果完成人持有部分所有权。',
  '专利年费已缴至下一年度。',
  '团队倾向以许可方式转化，希望保留后续改进成果的权利。',
  '拟与合作企业共同申报市级技术创新项目。',
];

const TITLE_SUFFIX: Record<ResultKind, string[]> = {
  material: ['制备技术', '及其应用'],
  process: ['工艺', '技术'],
  device: ['关键技术', '及其应用'],
  software: ['系统', '方法'],
  drug: ['研究', '开发'],
  agri: ['集成技术', '技术'],
};

/** A title not used yet, and the method it names (which the summary then leads with). */
function achievementTitle(
  r: Random,
  topic: Topic,
  kind: ResultKind,
  ipType: IpType,
  taken: Set<string>,
): { title: string; method: string | null } {
  type Candidate = { title: string; method: string | null };
  const candidates = r.shuffle<Candidate>([
    ...topic.titles.flatMap((title): Candidate[] =>
      title.includes('{m}')
        ? topic.methods
            .filter((m) => !overlaps(title.replace('{m}', ''), m))
            .map((m) => ({ title: title.replace('{m}', m), method: m }))
        : [{ title, method: null }],
    ),
    ...topic.methods
      .filter((m) => !overlaps(topic.object, m))
      .map((m) => ({ title: `基于${m}的${topic.object}${r.pick(TITLE_SUFFIX[kind])}`, method: m })),
  ]);
  // Registered software is named with its version.
  const versioned = (title: string): string =>
    ipType === 'software_copyright' && /(软件|系统|平台)$/.test(title) ? `${title}V${r.int(1, 3)}.0` : title;
  for (const candidate of candidates) {
    const title = versioned(candidate.title);
    if (!taken.has(title)) {
      taken.add(title);
      return { title, method: candidate.method };
    }
  }
  for (let i = 2; ; i += 1) {
    const title = `${versioned(candidates[0].title)}（第${i}代）`;
    if (!taken.has(title)) {
      taken.add(title);
      return { title, method: candidates[0].method };
    }
  }
}

function writeAchievements(institution: DemoInstitution, profiles: Profile[], titles: Set<string>): Written[] {
  const count = Math.round(profiles.length * ACHIEVEMENTS_PER_RESEARCHER);
  const written: Written[] = [];
  for (let j = 0; j < count; j += 1) {
    const ref = `${institution.refPrefix}-A-${String(j + 1).padStart(4, '0')}`;
    const r = randomFor('achievement', ref);
    const lead = profiles[j % profiles.length];
    const topic = r.pick(lead.topics);
    const vocabulary = lead.cluster;
    const kind = topic.kind ?? vocabulary.kind;

    const colleagues = profiles.filter((p) => p !== lead && p.cluster === lead.cluster);
    const others = profiles.filter((p) => p !== lead && p.cluster !== lead.cluster);
    const team = [
      lead,
      ...r.sample(colleagues, r.weighted([[0, 25] as const, [1, 40] as const, [2, 25] as const, [3, 10] as const])),
      ...(r.chance(0.15) && others.length > 0 ? [r.pick(others)] : []),
    ];

    const stage = r.weighted(STAGE_WEIGHTS[kind]);
    const trl = r.int(...STAGE_TRL[stage]);
    const ipType = ipTypeFor(r, kind, topic, vocabulary.code);
    const { numbers, legalStatus } = rights(r, ipType);
    const [priceMin, priceMax] = askingPrice(r, vocabulary, stage);

    const figures: Figure[] = r.shuffle(topicMetrics(topic)).map((metric) => {
      const value = achievedValue(r, metric);
      return { metric, value, text: achievedText(r, metric, value) };
    });
    const phrases = figures.map((figure) => figure.text);
    const named = achievementTitle(r, topic, kind, ipType, titles);
    const keywords = [
      ...new Set([...r.sample(topic.keywords, r.int(3, 5)), ...(r.chance(0.4) ? [r.pick(topic.methods)] : [])]),
    ];
    const fieldCodes = [
      ...new Set([vocabulary.code, ...(topic.fields ?? []), ...(r.chance(0.7) ? [vocabulary.discipline] : [])]),
    ];

    written.push({
      cluster: vocabulary,
      topic,
      figures,
      record: {
        org: institution.key,
        ref,
        title: named.title,
        summary: achievementSummary(
          r,
          topic,
          kind,
          stage,
          phrases,
          lead.department,
          ipPhrase(ipType, Math.max(1, numbers.length), legalStatus),
          named.method,
        ),
        applicationScenarios: scenarios(r, topic),
        advantages: advantages(r, vocabulary, kind, figures[figures.length - 1]),
        keywords,
        fieldCodes,
        ipType,
        patentNumbers: numbers,
        legalStatus,
        trl,
        maturityStage: stage,
        transferModes: transferModes(r, stage, ipType, legalStatus),
        priceMin,
        priceMax,
        institutionName: lead.record.institutionName,
        separateLedger: r.chance(institution.kind === 'university' ? 0.45 : 0.3),
        internalNotes: r.chance(0.2) ? fillRanges(r, r.pick(INTERNAL_NOTES)) : '',
        researchers: team.map((p) => p.record.ref),
        publishedDaysAgo: r.int(3, 540),
      },
    });
  }
  return written;
}

// ---------------------------------------------------------------------------------------------
// Needs

const MODE_ZH: Record<CooperationMode, string> = {
  transfer: '技术转让',
  licence: '专利许可',
  use_first_pay_later: '先使用后付费',
  equity: '作价入股',
  joint_development: '合作开发',
  commissioned_rd: '委托研发',
};

const QUALIFICATIONS = [
  '国家高新技术企业',
  '国家级专精特新"小巨人"企业',
  '重庆市专精特新中小企业',
  '科技型中小企业',
  '重庆市"瞪羚"企业',
];

/** Where a company would see a new technology proven. */
const VALIDATION: Record<ResultKind, string> = {
  material: '并在现有产线上完成验证',
  process: '并在现有产线上完成验证',
  device: '并在现有产线上完成验证',
  software: '并在实际业务中完成验证',
  drug: '并完成中试验证',
  agri: '并在示范基地完成验证',
};

interface CompanyProfile {
  company: DemoCompany;
  founded: number;
  staff: number;
  qualification: string;
  district: string;
}

function companyProfile(company: DemoCompany): CompanyProfile {
  const r = randomFor('company', company.key);
  return {
    company,
    founded: r.int(2003, 2020),
    staff: r.int(4, 120) * 10,
    qualification: r.pick(QUALIFICATIONS),
    district: DISTRICTS[company.region] ?? '重庆市',
  };
}

function needModes(r: Random, fitted: Written | null): CooperationMode[] {
  const modes = new Set<CooperationMode>();
  if (fitted) modes.add(r.pick(fitted.record.transferModes));
  const extra = r.weighted([[0, 20] as const, [1, 45] as const, [2, 35] as const]) + (fitted ? 0 : 1);
  for (let i = 0; i < extra; i += 1) {
    modes.add(
      r.weighted<CooperationMode>([
        ['licence', 3],
        ['joint_development', 3],
        ['commissioned_rd', 2],
        ['transfer', 2],
        ['use_first_pay_later', 2],
        ['equity', 0.3],
      ]),
    );
  }
  return COOPERATION_MODES.filter((mode) => modes.has(mode));
}

function needBudget(r: Random, vocabulary: ClusterVocabulary, fitted: Written | null): [string | null, string | null] {
  if (r.chance(0.1)) return [null, null];
  const askMin = fitted?.record.priceMin ? Number(fitted.record.priceMin) / 10_000 : null;
  const askMax = fitted?.record.priceMax ? Number(fitted.record.priceMax) / 10_000 : null;
  let top: number;
  if (askMin !== null && askMax !== null) {
    top = r.chance(0.75) ? niceWan(askMax * r.between(0.95, 1.5, 2)) : niceWan(r.between(askMin, askMax, 1));
  } else {
    const [low, high] = vocabulary.price;
    top = niceWan(r.between(low * 0.5, high, 1));
  }
  const bottom = Math.min(niceWan(top * r.between(0.3, 0.7, 2)), top);
  return [yuan(bottom), yuan(top)];
}

function needTitle(r: Random, topic: Topic, aim: string, modes: CooperationMode[], taken: Set<string>): string {
  const { object } = topic;
  const modeWord = modes.includes('commissioned_rd')
    ? '委托开发'
    : modes.includes('joint_development')
      ? '合作开发'
      : '项目';
  const variants = (goal: string): string[] =>
    r.shuffle([
      `${object}${goal}`,
      `${object}${goal}技术需求`,
      `寻求${object}${goal}解决方案`,
      ...topic.uses
        .filter((use) => !overlaps(object, use))
        .slice(0, 1)
        .map((use) => `${use}${object}${goal}`),
      `关于${object}${goal}的技术合作`,
      `${object}${goal}${modeWord}`,
    ]);
  // The company's own aim first; another aim only when every wording of it is taken.
  const candidates = [
    ...variants(aim),
    ...aimsOf(topic)
      .filter((other) => other !== aim)
      .flatMap(variants),
  ];
  for (const candidate of candidates) {
    if (!taken.has(candidate)) {
      taken.add(candidate);
      return candidate;
    }
  }
  for (let i = 2; ; i += 1) {
    const title = `${candidates[0]}（${i}）`;
    if (!taken.has(title)) {
      taken.add(title);
      return title;
    }
  }
}

function writeNeed(
  r: Random,
  profile: CompanyProfile,
  vocabulary: ClusterVocabulary,
  topic: Topic,
  fitted: Written | null,
  titles: Set<string>,
): SeedNeed {
  const { company } = profile;
  const modes = needModes(r, fitted);
  const aim = r.pick(aimsOf(topic));
  const use = r.pick(topic.uses);
  const [pain1, pain2] = r.sample(topic.pains, 2);
  const modesText = list(modes.map((mode) => MODE_ZH[mode]));

  // Indicators: the topic's figures, set a little below what the fitted result reaches.
  const reached = new Map(fitted?.figures.map(({ metric, value }) => [metric.name, value]) ?? []);
  const metrics = r.sample(topicMetrics(topic), r.int(2, 3));
  const bars = metrics.map((metric) =>
    requiredText(r, metric, requiredValue(r, metric, reached.get(metric.name) ?? null)),
  );
  const standard = `满足${r.pick([...(topic.standards ?? []), ...vocabulary.standards])}`;
  const kind = topic.kind ?? vocabulary.kind;
  const extras =
    kind === 'drug' || kind === 'agri'
      ? [standard, `项目周期不超过${r.int(12, 36)}个月`, '提供完整的技术资料并完成人员培训']
      : kind === 'software'
        ? [standard, '可与公司现有信息系统对接', `系统可用性不低于${r.pick(['99.5', '99.9'])}%`]
        : [
            standard,
            `综合成本增加不超过${r.int(3, 15)}%`,
            ...(kind === 'material'
              ? ['提供样品供公司验证，批次间性能波动小']
              : [`连续运行${r.int(5, 20) * 100}小时无故障`]),
            '提供完整的工艺文件并完成操作人员培训',
            `项目周期不超过${r.int(6, 24)}个月`,
          ];
  const indicatorItems = [...bars, ...r.sample(extras, r.int(1, 2))];
  const indicators = r.chance(0.5)
    ? indicatorItems.map((item, i) => `${i + 1}. ${item}`).join('\n')
    : `${indicatorItems.join('；')}。`;

  const intro = r.pick([
    `我公司成立于${profile.founded}年，主要从事${company.business}，现有员工${profile.staff}人。`,
    `公司是一家专注于${company.business}的${profile.qualification}，位于${profile.district}。`,
    `${company.name}位于${profile.district}，主营${company.business}，是${profile.qualification}。`,
    `${company.name}成立于${profile.founded}年，是${profile.qualification}，主要从事${company.business}。`,
    `作为${profile.district}的${profile.qualification}，公司多年来专注于${company.business}。`,
    `本企业主营${company.business}，现有员工${profile.staff}人，其中研发人员约占${r.int(8, 25)}%。`,
    `我们是一家位于${profile.district}的${profile.qualification}，主要业务为${company.business}。`,
  ]);
  const background = r.pick([
    `随着${use}市场需求快速增长，客户对${metrics[0].name}提出了更高要求。`,
    `目前公司产品主要用于${use}，但${pain1}，已成为制约产品升级的主要瓶颈。`,
    `近两年公司在${topic.object}方面持续投入，但${pain1}，自主攻关进展有限。`,
    `下游客户在${use}项目中明确提出${aim}要求，公司现有技术储备不足。`,
  ]);
  const ask = r.pick([
    `现面向高校院所征集${topic.object}${aim}技术，希望通过${modesText}等方式合作，尽快实现工程化应用。`,
    '希望与具备相关研究基础的团队合作，共同完成技术开发、中试验证和产线导入。',
    modes.includes('use_first_pay_later')
      ? '如有成熟成果，可优先考虑许可方式，也愿意按先使用后付费方式先行试用。'
      : `如有成熟成果，可采用${modesText}方式合作。`,
    '公司可提供试验场地、样品和配套资金，并安排专人对接。',
  ]);
  const extra = r.pick([
    '市面上的进口方案价格过高，难以承受。',
    '内部团队缺乏相关专业背景，需要外部技术支持。',
    ...(kind === 'software'
      ? ['此前试用过几款商业软件，与实际业务流程不匹配。', '内部IT团队缺乏算法方面的积累。']
      : kind === 'drug' || kind === 'agri'
        ? ['公司研发团队规模有限，缺乏相关研究积累。']
        : ['此前尝试调整工艺参数，效果不稳定。', '曾与外部单位合作过一轮，未达到量产要求。']),
  ]);
  const problem = r.pick([
    `主要问题：1. ${pain1}；2. ${pain2}。`,
    `现有方案${pain1}，同时${pain2}。${extra}`,
    `核心问题是${pain1}。${extra}`,
  ]);
  const [eq1, eq2] = r.sample(vocabulary.equipment, 2);
  const conditions = r.sample(
    [
      `公司现有${eq1}、${eq2}等设备`,
      `研发团队${r.int(8, 60)}人，其中硕士及以上学历${r.int(2, 15)}人`,
      r.pick(['建有重庆市企业技术中心', '建有市级工程技术研究中心', `拥有中试车间约${r.int(3, 20) * 100}平方米`]),
      '已开展前期摸底试验，积累了部分工艺数据',
      `可投入研发资金${r.int(5, 50) * 10}万元`,
    ],
    r.int(2, 3),
  );
  const summary = r.pick([
    `寻求${topic.object}${aim}方面的成熟技术，用于${use}。`,
    `公司${use}相关产品${pain1}，拟引进或合作开发相关技术。`,
    `面向${use}，征集${topic.object}${aim}技术方案，可采用${modesText}方式合作。`,
    `希望在${r.int(6, 18)}个月内实现${topic.object}${aim}，${VALIDATION[kind]}。`,
  ]);

  const minTrl = fitted
    ? r.chance(0.1)
      ? Math.min(9, fitted.record.trl + 1)
      : Math.max(2, fitted.record.trl - r.pick([0, 0, 1, 1, 2]))
    : r.int(
        ...STAGE_TRL[
          r.weighted<Stage>([
            ['lab', 5],
            ['bench', 20],
            ['pilot', 40],
            ['industrial', 35],
          ])
        ],
      );
  const [budgetMin, budgetMax] = needBudget(r, vocabulary, fitted);
  const keywords = [...new Set([...r.sample(topic.keywords, r.int(3, 4)), ...(r.chance(0.3) ? [aim] : [])])];
  const fieldCodes = r.chance(0.08)
    ? []
    : [...new Set([vocabulary.code, ...(topic.fields && r.chance(0.3) ? topic.fields.slice(0, 1) : [])])];

  return {
    org: company.key,
    title: needTitle(r, topic, aim, modes, titles),
    summary,
    description: r.chance(0.3) ? `${background}${intro}${ask}` : `${intro}${background}${ask}`,
    problem,
    indicators,
    existingConditions: `${conditions.join('；')}。`,
    keywords,
    fieldCodes,
    desiredStage: stageOfTrl(minTrl),
    minTrl,
    budgetMin,
    budgetMax,
    cooperationModes: modes,
    regionCode: company.region,
    deadlineInDays: r.int(90, 540),
    confidentiality: r.chance(0.2) ? 'summary_only' : 'public',
    publishedDaysAgo: r.int(1, 200),
    writtenFor: fitted?.record.ref ?? null,
  };
}

function writeNeeds(written: Written[], reserved: Set<string>): SeedNeed[] {
  const everyTitle = new Set(reserved);
  const byCluster = new Map<string, Written[]>();
  for (const achievement of written) {
    byCluster.set(achievement.cluster.code, [...(byCluster.get(achievement.cluster.code) ?? []), achievement]);
  }
  const fittedAlready = new Set<string>();
  const needs: SeedNeed[] = [];
  for (const company of DEMO_COMPANIES) {
    const profile = companyProfile(company);
    const count =
      company.creditCodeBody === null ? DEMO_COMPANY_NEEDS : randomFor('company', company.key, 'needs').int(5, 8);
    for (let i = 0; i < count; i += 1) {
      const r = randomFor('need', company.key, i);
      const clusterCode =
        i < company.clusters.length && i < 2
          ? company.clusters[i]
          : r.weighted(company.clusters.map((code, k) => [code, k === 0 ? 3 : 1] as const));
      const vocabulary = cluster(clusterCode);
      const pool = byCluster.get(clusterCode) ?? [];
      let fitted: Written | null = null;
      if (pool.length > 0 && r.chance(FITTED_NEED_SHARE)) {
        const fresh = pool.filter((a) => !fittedAlready.has(a.record.ref));
        fitted = r.pick(fresh.length > 0 ? fresh : pool);
        fittedAlready.add(fitted.record.ref);
      }
      const topic = fitted?.topic ?? r.pick(vocabulary.topics);
      // Titles are unique across the demo (loading relies on them being unique within a company).
      needs.push(writeNeed(r, profile, vocabulary, topic, fitted, everyTitle));
    }
  }
  return needs;
}

// ---------------------------------------------------------------------------------------------

/** What the hand-written part of the catalogue already uses. */
export interface Reserved {
  /** Researchers' names. */
  names: Set<string>;
  /** Needs' titles. */
  needTitles: Set<string>;
}

/** The generated demo catalogue, using none of the reserved names and titles. */
export function generateCatalog(reserved: Reserved = { names: new Set(), needTitles: new Set() }): DemoCatalog {
  const names = new Set(reserved.names);
  const titles = new Set<string>();
  const researchers: SeedResearcher[] = [];
  const written: Written[] = [];
  for (const institution of DEMO_INSTITUTIONS) {
    const profiles = writeResearchers(institution, names);
    researchers.push(...profiles.map((p) => p.record));
    written.push(...writeAchievements(institution, profiles, titles));
  }
  return {
    researchers,
    achievements: written.map((w) => w.record),
    needs: writeNeeds(written, reserved.needTitles),
  };
}
