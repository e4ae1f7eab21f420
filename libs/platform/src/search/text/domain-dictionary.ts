/**
 * Technical terms the general jieba dictionary splits or does not know, added so that a term
 * stays one word (its parts are still indexed through the sub-word expansion). Keep it to
 * terms of technology and technology transfer; one per line, no duplicates.
 */
export const DOMAIN_TERMS: readonly string[] = [
  // materials
  '石墨烯', '碳纳米管', '碳纤维', '复合材料', '导热膜', '钙钛矿', '气凝胶', '高分子材料', '纳米材料',
  '稀土永磁', '钛合金', '铝合金', '高熵合金', '陶瓷基', '可降解塑料', '生物降解',
  // energy
  '锂电', '锂电池', '锂离子电池', '固态电池', '钠离子电池', '燃料电池', '动力电池', '储能', '光伏',
  '氢能', '制氢', '储氢', '风电', '新能源', '新能源汽车', '电动汽车', '充电桩', '碳中和', '碳达峰', '碳捕集',
  // information technology
  '人工智能', '机器学习', '深度学习', '神经网络', '卷积神经网络', '大模型', '自然语言处理', '计算机视觉',
  '图像识别', '语音识别', '知识图谱', '大数据', '云计算', '边缘计算', '物联网', '工业互联网', '区块链',
  '数字孪生', '5g', '集成电路', '芯片', '半导体', '传感器', '激光雷达', '毫米波雷达', '无人机', '机器人',
  '自动驾驶', '智能网联', '智能制造', '数控机床', '增材制造', '3d打印', '嵌入式',
  // life sciences and environment
  '生物医药', '医疗器械', '体外诊断', '基因编辑', '单克隆抗体', '疫苗', '中药材', '中医药', '靶向药物',
  '污水处理', '废水处理', '土壤修复', '固废', '脱硫脱硝', '节能减排',
  // agriculture
  '智慧农业', '新品种', '育种', '种质资源', '病虫害', '水肥一体化',
  // technology transfer
  '科技成果', '技术需求', '成果转化', '技术转移', '技术经理人', '知识产权', '发明专利', '实用新型',
  '软件著作权', '植物新品种', '先使用后付费', '作价入股', '以权代股', '赋权', '收益分配', '中试', '小试',
  '产业化', '产学研',
];

/** The terms in jieba's dictionary format (word, frequency, part of speech), one per line. */
export function domainDictionary(terms: readonly string[] = DOMAIN_TERMS): string {
  // A high frequency makes jieba prefer the whole term over its parts.
  return terms.map((term) => `${term} 50000 n`).join('\n') + '\n';
}
