import { MigrationInterface, QueryRunner } from 'typeorm';

type Term = [code: string, nameZh: string, nameEn: string, parentCode: string | null];

/*
 * Reference data of the catalogue, written by hand and frozen here (later edits are made by
 * admins through the API, or by new migrations). Every database, tests included, has it.
 */

/** Technology fields: Chongqing's "33618" modern manufacturing clusters, then the national high-tech fields. */
const FIELDS: Term[] = [
  ['cq33618', '重庆"33618"现代制造业集群体系', 'Chongqing "33618" manufacturing clusters', null],
  ['cq-trillion', '万亿级主导产业集群', 'Trillion-yuan leading clusters', 'cq33618'],
  ['intelligent-nev', '智能网联新能源汽车', 'Intelligent connected new-energy vehicles', 'cq-trillion'],
  ['electronics-mfg', '新一代电子信息制造业', 'New-generation electronic information manufacturing', 'cq-trillion'],
  ['advanced-materials', '先进材料', 'Advanced materials', 'cq-trillion'],
  ['cq-500b', '五千亿级支柱产业集群', 'Five-hundred-billion-yuan pillar clusters', 'cq33618'],
  ['smart-equipment', '智能装备及智能制造', 'Intelligent equipment and intelligent manufacturing', 'cq-500b'],
  ['food-agri', '食品及农产品加工', 'Food and agricultural product processing', 'cq-500b'],
  ['software-it', '软件信息服务', 'Software and information services', 'cq-500b'],
  ['cq-100b', '千亿级特色优势产业集群', 'Hundred-billion-yuan featured clusters', 'cq33618'],
  ['new-display', '新型显示', 'New display', 'cq-100b'],
  ['motorcycle', '高端摩托车', 'High-end motorcycles', 'cq-100b'],
  ['light-alloy', '轻合金材料', 'Light alloy materials', 'cq-100b'],
  ['light-textile', '轻纺', 'Light industry and textiles', 'cq-100b'],
  ['biomedicine', '生物医药', 'Biomedicine', 'cq-100b'],
  ['new-energy-storage', '新能源及新型储能', 'New energy and new energy storage', 'cq-100b'],
  ['cq-rising', '"新星"产业集群', '"Rising star" emerging clusters', 'cq33618'],
  ['power-semi-ic', '功率半导体及集成电路', 'Power semiconductors and integrated circuits', 'cq-rising'],
  ['ai-robotics', 'AI及机器人', 'AI and robotics', 'cq-rising'],
  ['servers', '服务器', 'Servers', 'cq-rising'],
  ['smart-home', '智能家居', 'Smart home', 'cq-rising'],
  ['sensors-instruments', '传感器及仪器仪表', 'Sensors and instruments', 'cq-rising'],
  ['intelligent-mfg-equipment', '智能制造装备', 'Intelligent manufacturing equipment', 'cq-rising'],
  ['power-equipment', '动力装备', 'Power equipment', 'cq-rising'],
  ['agri-machinery', '农机装备', 'Agricultural machinery', 'cq-rising'],
  ['fibre-composites', '纤维及复合材料', 'Fibres and composite materials', 'cq-rising'],
  ['synthetic-materials', '合成材料', 'Synthetic materials', 'cq-rising'],
  ['modern-tcm', '现代中药', 'Modern traditional Chinese medicine', 'cq-rising'],
  ['medical-devices', '医疗器械', 'Medical devices', 'cq-rising'],
  ['satellite-internet', '卫星互联网', 'Satellite internet', 'cq-rising'],
  ['bio-manufacturing', '生物制造', 'Bio-manufacturing', 'cq-rising'],
  ['life-sciences', '生命科学', 'Life sciences', 'cq-rising'],
  ['metaverse', '元宇宙', 'Metaverse', 'cq-rising'],
  ['frontier-materials', '前沿新材料', 'Frontier new materials', 'cq-rising'],
  ['future-energy', '未来能源', 'Future energy', 'cq-rising'],
  ['hitech', '国家重点支持的高新技术领域', 'National key high-tech fields', null],
  ['ht-electronics', '电子信息', 'Electronic information', 'hitech'],
  ['ht-biomed', '生物与新医药', 'Biology and new medicine', 'hitech'],
  ['ht-aerospace', '航空航天', 'Aerospace', 'hitech'],
  ['ht-materials', '新材料', 'New materials', 'hitech'],
  ['ht-services', '高技术服务', 'High-tech services', 'hitech'],
  ['ht-energy', '新能源与节能', 'New energy and energy saving', 'hitech'],
  ['ht-environment', '资源与环境', 'Resources and environment', 'hitech'],
  ['ht-automation', '先进制造与自动化', 'Advanced manufacturing and automation', 'hitech'],
  ['modern-agriculture', '现代农业', 'Modern agriculture', 'hitech'],
];

/** Provinces by their 2-digit GB/T 2260 code, then Chongqing's 38 districts and counties. */
const PROVINCES: [string, string, string][] = [
  ['11', '北京市', 'Beijing'], ['12', '天津市', 'Tianjin'], ['13', '河北省', 'Hebei'], ['14', '山西省', 'Shanxi'],
  ['15', '内蒙古自治区', 'Inner Mongolia'], ['21', '辽宁省', 'Liaoning'], ['22', '吉林省', 'Jilin'],
  ['23', '黑龙江省', 'Heilongjiang'], ['31', '上海市', 'Shanghai'], ['32', '江苏省', 'Jiangsu'], ['33', '浙江省', 'Zhejiang'],
  ['34', '安徽省', 'Anhui'], ['35', '福建省', 'Fujian'], ['36', '江西省', 'Jiangxi'], ['37', '山东省', 'Shandong'],
  ['41', '河南省', 'Henan'], ['42', '湖北省', 'Hubei'], ['43', '湖南省', 'Hunan'], ['44', '广东省', 'Guangdong'],
  ['45', '广西壮族自治区', 'Guangxi'], ['46', '海南省', 'Hainan'], ['50', '重庆市', 'Chongqing'], ['51', '四川省', 'Sichuan'],
  ['52', '贵州省', 'Guizhou'], ['53', '云南省', 'Yunnan'], ['54', '西藏自治区', 'Tibet'], ['61', '陕西省', 'Shaanxi'],
  ['62', '甘肃省', 'Gansu'], ['63', '青海省', 'Qinghai'], ['64', '宁夏回族自治区', 'Ningxia'], ['65', '新疆维吾尔自治区', 'Xinjiang'],
  ['71', '台湾省', 'Taiwan'], ['81', '香港特别行政区', 'Hong Kong'], ['82', '澳门特别行政区', 'Macao'],
];

const CHONGQING: [string, string, string][] = [
  ['500101', '万州区', 'Wanzhou'], ['500102', '涪陵区', 'Fuling'], ['500103', '渝中区', 'Yuzhong'],
  ['500104', '大渡口区', 'Dadukou'], ['500105', '江北区', 'Jiangbei'], ['500106', '沙坪坝区', 'Shapingba'],
  ['500107', '九龙坡区', 'Jiulongpo'], ['500108', '南岸区', 'Nan\'an'], ['500109', '北碚区', 'Beibei'],
  ['500110', '綦江区', 'Qijiang'], ['500111', '大足区', 'Dazu'], ['500112', '渝北区', 'Yubei'], ['500113', '巴南区', 'Banan'],
  ['500114', '黔江区', 'Qianjiang'], ['500115', '长寿区', 'Changshou'], ['500116', '江津区', 'Jiangjin'],
  ['500117', '合川区', 'Hechuan'], ['500118', '永川区', 'Yongchuan'], ['500119', '南川区', 'Nanchuan'],
  ['500120', '璧山区', 'Bishan'], ['500151', '铜梁区', 'Tongliang'], ['500152', '潼南区', 'Tongnan'],
  ['500153', '荣昌区', 'Rongchang'], ['500154', '开州区', 'Kaizhou'], ['500155', '梁平区', 'Liangping'],
  ['500156', '武隆区', 'Wulong'], ['500229', '城口县', 'Chengkou County'], ['500230', '丰都县', 'Fengdu County'],
  ['500231', '垫江县', 'Dianjiang County'], ['500233', '忠县', 'Zhong County'], ['500235', '云阳县', 'Yunyang County'],
  ['500236', '奉节县', 'Fengjie County'], ['500237', '巫山县', 'Wushan County'], ['500238', '巫溪县', 'Wuxi County'],
  ['500240', '石柱土家族自治县', 'Shizhu Tujia Autonomous County'],
  ['500241', '秀山土家族苗族自治县', 'Xiushan Tujia and Miao Autonomous County'],
  ['500242', '酉阳土家族苗族自治县', 'Youyang Tujia and Miao Autonomous County'],
  ['500243', '彭水苗族土家族自治县', 'Pengshui Miao and Tujia Autonomous County'],
];

const IP_TYPES: Term[] = [
  ['invention_patent', '发明专利', 'Invention patent', null],
  ['utility_model', '实用新型专利', 'Utility model', null],
  ['design_patent', '外观设计专利', 'Design patent', null],
  ['software_copyright', '软件著作权', 'Software copyright', null],
  ['ic_layout', '集成电路布图设计', 'Integrated circuit layout design', null],
  ['plant_variety', '植物新品种', 'Plant variety', null],
  ['know_how', '技术秘密', 'Know-how', null],
];

const MATURITY_STAGES: Term[] = [
  ['lab', '实验室', 'Laboratory', null],
  ['bench', '小试', 'Bench-scale trial', null],
  ['pilot', '中试', 'Pilot-scale trial', null],
  ['industrial', '产业化', 'Industrialisation', null],
];

function rows(): [string, string, string, string, string | null, number][] {
  const out: [string, string, string, string, string | null, number][] = [];
  const add = (kind: string, terms: Term[]): void => {
    terms.forEach(([code, zh, en, parent], index) => out.push([kind, code, zh, en, parent, index]));
  };
  add('field', FIELDS);
  add('region', [
    ...PROVINCES.map(([code, zh, en]): Term => [code, zh, en, null]),
    ...CHONGQING.map(([code, zh, en]): Term => [code, zh, en, '50']),
  ]);
  add('ip_type', IP_TYPES);
  add('maturity_stage', MATURITY_STAGES);
  return out;
}

export class CatalogReferenceData1795569001611 implements MigrationInterface {
  name = 'CatalogReferenceData1795569001611';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const data = rows();
    await queryRunner.query(
      `INSERT INTO taxonomy_term (kind, code, name_zh, name_en, parent_code, sort_order)
       SELECT kind::taxonomy_kind, code, name_zh, name_en, parent_code, sort_order
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[])
           AS t(kind, code, name_zh, name_en, parent_code, sort_order)
       ON CONFLICT (kind, code) DO NOTHING`,
      [0, 1, 2, 3, 4, 5].map((i) => data.map((row) => row[i])),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const data = rows();
    await queryRunner.query(
      `DELETE FROM taxonomy_term t USING unnest($1::text[], $2::text[]) AS d(kind, code)
        WHERE t.kind::text = d.kind AND t.code = d.code`,
      [data.map((row) => row[0]), data.map((row) => row[1])],
    );
  }
}
