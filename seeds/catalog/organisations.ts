/*
 * The organisations of the demo: Chongqing universities and institutes (real names; every
 * researcher, result and patent number under them is made up) and companies across the
 * 33618 clusters (made-up names). The demo TTO account's organisation stands for 重庆大学
 * and the demo company account's for 重庆渝新智能装备有限公司: both come from the identity
 * seed, so they carry no credit code here.
 */

/** Districts and counties the demo organisations sit in (GB/T 2260). */
export const DISTRICTS: Record<string, string> = {
  '500101': '万州区',
  '500102': '涪陵区',
  '500103': '渝中区',
  '500104': '大渡口区',
  '500105': '江北区',
  '500106': '沙坪坝区',
  '500107': '九龙坡区',
  '500108': '南岸区',
  '500109': '北碚区',
  '500110': '綦江区',
  '500111': '大足区',
  '500112': '渝北区',
  '500113': '巴南区',
  '500115': '长寿区',
  '500116': '江津区',
  '500117': '合川区',
  '500118': '永川区',
  '500119': '南川区',
  '500120': '璧山区',
  '500151': '铜梁区',
  '500152': '潼南区',
  '500153': '荣昌区',
  '500154': '开州区',
  '500231': '垫江县',
  '500236': '奉节县',
  '500240': '石柱土家族自治县',
};

export interface Contact {
  name: string;
  phone: string;
  email: string;
}

export interface DemoInstitution {
  key: string;
  /** Prefix of its researchers' and achievements' references (CQU-R-001, CQU-A-0001). */
  refPrefix: string;
  /** Name of the organisation on the platform. */
  name: string;
  /** Name of the university or institute as written on a listing. */
  shortName: string;
  kind: 'university' | 'research_institute';
  /** The first 17 characters of its credit code; null for the demo TTO account's organisation. */
  creditCodeBody: string | null;
  region: string;
  contact: Contact;
  /** Domain of its (made-up) researcher e-mail addresses. */
  mailDomain: string;
  researchers: number;
  /** Cluster it is strong in → the school, lab or centre working on it. */
  departments: [cluster: string, department: string][];
}

export interface DemoCompany {
  key: string;
  name: string;
  /** The first 17 characters of its credit code; null for the demo company account's organisation. */
  creditCodeBody: string | null;
  region: string;
  /** Its clusters, main one first. */
  clusters: string[];
  /** What it does, as it would say it (follows 主要从事 / 专注于). */
  business: string;
  contact: Contact;
}

function institutionCode(region: string, serial: number): string {
  return `12${region}MB1${String(serial).padStart(6, '0')}`;
}

function companyCode(region: string, serial: number): string {
  return `91${region}MA7${String(serial).padStart(6, '0')}`;
}

export const DEMO_INSTITUTIONS: DemoInstitution[] = [
  {
    key: 'cqu',
    refPrefix: 'CQU',
    name: '重庆大学技术转移中心',
    shortName: '重庆大学',
    kind: 'university',
    creditCodeBody: null,
    region: '500106',
    contact: { name: '李华', phone: '023-60000003', email: 'tto@kuaizhuan.demo' },
    mailDomain: 'cqu.example.edu.cn',
    researchers: 26,
    departments: [
      ['intelligent-nev', '机械与运载工程学院'],
      ['light-alloy', '材料科学与工程学院'],
      ['advanced-materials', '材料科学与工程学院'],
      ['new-energy-storage', '能源与动力工程学院'],
      ['power-equipment', '能源与动力工程学院'],
      ['power-semi-ic', '电气工程学院'],
      ['sensors-instruments', '光电工程学院'],
      ['new-display', '光电工程学院'],
      ['smart-equipment', '机械与运载工程学院'],
      ['intelligent-mfg-equipment', '机械与运载工程学院'],
      ['software-it', '计算机学院'],
      ['future-energy', '化学化工学院'],
    ],
  },
  {
    key: 'swu',
    refPrefix: 'SWU',
    name: '西南大学技术转移中心',
    shortName: '西南大学',
    kind: 'university',
    creditCodeBody: institutionCode('500000', 11),
    region: '500109',
    contact: { name: '蒋丽', phone: '023-68250011', email: 'kjcg@swu.example.edu.cn' },
    mailDomain: 'swu.example.edu.cn',
    researchers: 16,
    departments: [
      ['food-agri', '食品科学学院'],
      ['modern-tcm', '药学院'],
      ['agri-machinery', '工程技术学院'],
      ['light-textile', '纺织服装学院'],
      ['bio-manufacturing', '生命科学学院'],
      ['new-energy-storage', '材料与能源学院'],
    ],
  },
  {
    key: 'cqupt',
    refPrefix: 'CQUPT',
    name: '重庆邮电大学科技成果转化中心',
    shortName: '重庆邮电大学',
    kind: 'university',
    creditCodeBody: institutionCode('500000', 12),
    region: '500108',
    contact: { name: '谭明', phone: '023-62460012', email: 'zhuanhua@cqupt.example.edu.cn' },
    mailDomain: 'cqupt.example.edu.cn',
    researchers: 16,
    departments: [
      ['software-it', '计算机科学与技术学院'],
      ['satellite-internet', '通信与信息工程学院'],
      ['ai-robotics', '自动化学院'],
      ['smart-home', '自动化学院'],
      ['electronics-mfg', '光电工程学院'],
      ['new-display', '光电工程学院'],
      ['metaverse', '软件工程学院'],
      ['sensors-instruments', '先进制造工程学院'],
    ],
  },
  {
    key: 'cqmu',
    refPrefix: 'CQMU',
    name: '重庆医科大学科技成果转化中心',
    shortName: '重庆医科大学',
    kind: 'university',
    creditCodeBody: institutionCode('500000', 13),
    region: '500103',
    contact: { name: '冉静', phone: '023-68480013', email: 'kjc@cqmu.example.edu.cn' },
    mailDomain: 'cqmu.example.edu.cn',
    researchers: 12,
    departments: [
      ['biomedicine', '药学院'],
      ['medical-devices', '生物医学工程学院'],
      ['modern-tcm', '中医药学院'],
      ['bio-manufacturing', '基础医学院'],
    ],
  },
  {
    key: 'cqjtu',
    refPrefix: 'CQJTU',
    name: '重庆交通大学技术转移中心',
    shortName: '重庆交通大学',
    kind: 'university',
    creditCodeBody: institutionCode('500000', 14),
    region: '500108',
    contact: { name: '向东', phone: '023-62650014', email: 'jszy@cqjtu.example.edu.cn' },
    mailDomain: 'cqjtu.example.edu.cn',
    researchers: 12,
    departments: [
      ['sensors-instruments', '土木工程学院'],
      ['intelligent-nev', '交通运输学院'],
      ['smart-equipment', '机电与车辆工程学院'],
      ['fibre-composites', '材料科学与工程学院'],
      ['power-equipment', '航运与船舶工程学院'],
      ['software-it', '信息科学与工程学院'],
    ],
  },
  {
    key: 'cqut',
    refPrefix: 'CQUT',
    name: '重庆理工大学技术转移中心',
    shortName: '重庆理工大学',
    kind: 'university',
    creditCodeBody: institutionCode('500000', 15),
    region: '500113',
    contact: { name: '熊伟', phone: '023-62560015', email: 'tto@cqut.example.edu.cn' },
    mailDomain: 'cqut.example.edu.cn',
    researchers: 12,
    departments: [
      ['motorcycle', '车辆工程学院'],
      ['intelligent-nev', '车辆工程学院'],
      ['intelligent-mfg-equipment', '机械工程学院'],
      ['sensors-instruments', '机械检测技术与装备教育部工程研究中心'],
      ['ai-robotics', '两江人工智能学院'],
      ['light-alloy', '材料科学与工程学院'],
    ],
  },
  {
    key: 'ctbu',
    refPrefix: 'CTBU',
    name: '重庆工商大学科技成果转化中心',
    shortName: '重庆工商大学',
    kind: 'university',
    creditCodeBody: institutionCode('500000', 16),
    region: '500108',
    contact: { name: '牟琳', phone: '023-62760016', email: 'kyc@ctbu.example.edu.cn' },
    mailDomain: 'ctbu.example.edu.cn',
    researchers: 8,
    departments: [
      ['food-agri', '环境与资源学院'],
      ['synthetic-materials', '废油资源化技术与装备工程研究中心'],
      ['software-it', '人工智能学院'],
      ['metaverse', '计算机科学与信息工程学院'],
    ],
  },
  {
    key: 'cigit',
    refPrefix: 'CIGIT',
    name: '中国科学院重庆绿色智能技术研究院',
    shortName: '中国科学院重庆绿色智能技术研究院',
    kind: 'research_institute',
    creditCodeBody: institutionCode('100000', 17),
    region: '500109',
    contact: { name: '秦岚', phone: '023-65930017', email: 'zhuanhua@cigit.example.ac.cn' },
    mailDomain: 'cigit.example.ac.cn',
    researchers: 12,
    departments: [
      ['ai-robotics', '机器人与智能装备研究中心'],
      ['frontier-materials', '石墨烯与先进材料研究中心'],
      ['medical-devices', '微纳制造与医疗器械研究中心'],
      ['sensors-instruments', '微纳制造与系统集成研究中心'],
      ['new-display', '光电技术研究中心'],
      ['software-it', '大数据挖掘及应用中心'],
      ['intelligent-mfg-equipment', '3D打印技术研究中心'],
    ],
  },
  {
    key: 'cqust',
    refPrefix: 'CQUST',
    name: '重庆科技大学技术转移中心',
    shortName: '重庆科技大学',
    kind: 'university',
    creditCodeBody: institutionCode('500000', 18),
    region: '500106',
    contact: { name: '廖斌', phone: '023-65020018', email: 'tto@cqust.example.edu.cn' },
    mailDomain: 'cqust.example.edu.cn',
    researchers: 8,
    departments: [
      ['synthetic-materials', '化学化工学院'],
      ['power-equipment', '石油与天然气工程学院'],
      ['future-energy', '石油与天然气工程学院'],
      ['light-alloy', '冶金与材料工程学院'],
      ['new-energy-storage', '冶金与材料工程学院'],
    ],
  },
];

function company(
  key: string,
  serial: number,
  name: string,
  region: string,
  clusters: string[],
  business: string,
  contactName: string,
): DemoCompany {
  return {
    key,
    name,
    creditCodeBody: serial === 0 ? null : companyCode(region, serial),
    region,
    clusters,
    business,
    contact: {
      name: contactName,
      phone: `023-6${String(7_100_000 + serial * 137).slice(0, 7)}`,
      email: `contact@${key}.example.com`,
    },
  };
}

/* prettier-ignore */
export const DEMO_COMPANIES: DemoCompany[] = [
  company('yuxin', 0, '重庆渝新智能装备有限公司', '500112', ['smart-equipment', 'intelligent-mfg-equipment', 'ai-robotics'], '汽车零部件智能装配线和检测装备的研发与集成', '王敏'),
  company('chiyuan', 1, '重庆驰远新能源汽车部件有限公司', '500120', ['intelligent-nev', 'light-alloy'], '新能源汽车电池包壳体、电驱壳体等结构件的研发与制造', '张建军'),
  company('zhixing', 2, '重庆两江智行汽车电子有限公司', '500112', ['intelligent-nev', 'electronics-mfg', 'software-it'], '智能驾驶域控制器、车载雷达等汽车电子产品的研发生产', '刘畅'),
  company('lvsheng', 3, '重庆铝晟轻合金材料有限公司', '500107', ['light-alloy', 'advanced-materials'], '高性能铝合金板带材、挤压型材和压铸合金锭的生产', '杨国庆'),
  company('bayu-drive', 4, '重庆巴渝动力传动有限公司', '500110', ['power-equipment', 'intelligent-mfg-equipment'], '风电齿轮箱、船用齿轮箱和工程机械传动件的设计制造', '罗志刚'),
  company('xiaoteng', 5, '重庆骁腾摩托车科技有限公司', '500113', ['motorcycle', 'ai-robotics'], '中大排量摩托车和电动两轮车的研发、生产与出口', '周凯'),
  company('jianglan', 6, '重庆江澜新材料化工有限公司', '500115', ['synthetic-materials', 'bio-manufacturing'], '以天然气化工为基础的工程塑料、可降解材料和精细化学品生产', '邓伟'),
  company('fuxiang', 7, '重庆涪乡食品有限公司', '500102', ['food-agri'], '榨菜、泡菜等腌制蔬菜制品的生产和销售', '况晓梅'),
  company('rongmu', 8, '重庆荣牧生猪科技有限公司', '500153', ['food-agri', 'bio-manufacturing'], '种猪繁育、生猪养殖和饲料加工', '黄永平'),
  company('nanling', 9, '重庆南岭中药科技有限公司', '500119', ['modern-tcm'], '中药饮片和中药配方颗粒的研发生产', '韦春林'),
  company('wuling-herb', 10, '重庆武陵本草药业有限公司', '500240', ['modern-tcm', 'food-agri'], '黄连等道地药材的种植、初加工和提取物生产', '谭玉兰'),
  company('boruikang', 11, '重庆博瑞康生物医药有限公司', '500113', ['biomedicine', 'bio-manufacturing'], '创新药和高端制剂的研发与生产', '孙博'),
  company('kangyi', 12, '重庆康屹医疗器械有限公司', '500105', ['medical-devices', 'ai-robotics'], '超声治疗设备、康复器械和医学影像软件的研发生产', '胡雪'),
  company('xiyong-link', 13, '重庆西永智联电子有限公司', '500106', ['electronics-mfg', 'power-semi-ic'], '笔记本电脑主板和通信模块的SMT加工与整机组装', '陈立'),
  company('guangyue', 14, '重庆光跃显示科技有限公司', '500109', ['new-display', 'electronics-mfg'], '车载显示模组和背光模组的研发生产', '吴晶'),
  company('xinyu-semi', 15, '重庆芯渝半导体科技有限公司', '500107', ['power-semi-ic', 'intelligent-nev'], '功率半导体器件的设计、封装与测试', '郑航'),
  company('shancheng-data', 16, '重庆山城云数科技有限公司', '500108', ['software-it', 'metaverse'], '面向政府和企业的数字化解决方案', '唐睿'),
  company('yuchang', 17, '重庆渝畅物流科技有限公司', '500116', ['software-it', 'intelligent-nev'], '城市配送、冷链物流服务和物流调度软件开发', '曾凡'),
  company('hengchu', 18, '重庆恒储新能源科技有限公司', '500151', ['new-energy-storage', 'future-energy'], '工商业储能系统集成和电池管理系统研发', '彭涛'),
  company('qingtu', 19, '重庆氢途能源科技有限公司', '500104', ['future-energy', 'power-equipment'], '氢燃料电池系统和电解水制氢装备的研发', '叶青'),
  company('xuanshi', 20, '重庆玄石纤维材料有限公司', '500118', ['fibre-composites', 'advanced-materials'], '连续玄武岩纤维及其复合制品的生产', '蒋磊'),
  company('qiuling-agri', 21, '重庆丘陵农机装备有限公司', '500152', ['agri-machinery'], '丘陵山区中小型农机的研发制造', '田勇'),
  company('zhiqing', 22, '重庆智擎机器人有限公司', '500112', ['ai-robotics', 'intelligent-mfg-equipment'], '工业机器人系统集成和智能巡检机器人', '魏东'),
  company('jingce', 23, '重庆精测仪表科技有限公司', '500109', ['sensors-instruments', 'satellite-internet'], '智能燃气表、流量计和结构监测传感器', '徐斌'),
  company('yongjing', 24, '重庆永精数控机床有限公司', '500118', ['intelligent-mfg-equipment', 'smart-equipment'], '精密数控车床和立式加工中心的研发制造', '袁刚'),
  company('jinsi', 25, '重庆锦丝纺织有限公司', '500101', ['light-textile'], '桑蚕丝绸面料和功能性纺织品的生产', '牟芳'),
  company('sanxia-orange', 26, '重庆三峡橙果农业开发有限公司', '500236', ['food-agri', 'agri-machinery'], '脐橙种植、采后商品化处理和果汁加工', '冉春'),
  company('tianheng', 27, '重庆天衡卫星通信技术有限公司', '500112', ['satellite-internet', 'sensors-instruments'], '卫星通信终端和北斗应用产品的研发', '苏航'),
  company('yiju', 28, '重庆宜居智能家居科技有限公司', '500117', ['smart-home', 'electronics-mfg'], '智能厨电、空调控制器和智能门锁的研发生产', '梁燕'),
  company('huanjing', 29, '重庆幻境数字科技有限公司', '500103', ['metaverse', 'software-it'], '数字文旅、虚拟仿真实训内容和数字人产品', '程思远'),
  company('meiyuan', 30, '重庆酶源生物科技有限公司', '500231', ['bio-manufacturing', 'food-agri'], '饲用酶制剂和天然产物的发酵生产', '董欣'),
  company('ruifeng', 31, '重庆锐锋特种材料有限公司', '500111', ['advanced-materials', 'frontier-materials'], '模具钢、耐磨涂层和表面工程服务', '雷鸣'),
  company('xisheng', 32, '重庆烯晟新材料科技有限公司', '500154', ['frontier-materials', 'electronics-mfg'], '石墨烯导热材料和气凝胶隔热制品的生产', '龙海'),
];
