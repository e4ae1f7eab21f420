import { MigrationInterface, QueryRunner } from 'typeorm';

type Term = [code: string, nameZh: string, nameEn: string, parentCode: string | null];

/*
 * The national catalogue of academic disciplines (学位授予和人才培养学科目录): 13 categories
 * (学科门类) and their first-level disciplines (一级学科), as technology fields. Universities
 * file their achievements by discipline; a need may name only a category, and the matcher
 * then infers the discipline from text within it. Codes are the catalogue's own, prefixed.
 */
const CATEGORIES: Term[] = [
  ['disc-01', '哲学', 'Philosophy', null],
  ['disc-02', '经济学', 'Economics', null],
  ['disc-03', '法学', 'Law', null],
  ['disc-04', '教育学', 'Education', null],
  ['disc-05', '文学', 'Literature', null],
  ['disc-06', '历史学', 'History', null],
  ['disc-07', '理学', 'Science', null],
  ['disc-08', '工学', 'Engineering', null],
  ['disc-09', '农学', 'Agriculture', null],
  ['disc-10', '医学', 'Medicine', null],
  ['disc-11', '军事学', 'Military science', null],
  ['disc-12', '管理学', 'Management', null],
  ['disc-13', '艺术学', 'Arts', null],
];

const DISCIPLINES: Term[] = [
  ['disc-0101', '哲学', 'Philosophy', 'disc-01'],
  ['disc-0201', '理论经济学', 'Theoretical economics', 'disc-02'],
  ['disc-0202', '应用经济学', 'Applied economics', 'disc-02'],
  ['disc-0301', '法学', 'Law', 'disc-03'],
  ['disc-0302', '政治学', 'Political science', 'disc-03'],
  ['disc-0303', '社会学', 'Sociology', 'disc-03'],
  ['disc-0304', '民族学', 'Ethnology', 'disc-03'],
  ['disc-0305', '马克思主义理论', 'Marxist theory', 'disc-03'],
  ['disc-0401', '教育学', 'Education', 'disc-04'],
  ['disc-0402', '心理学', 'Psychology', 'disc-04'],
  ['disc-0403', '体育学', 'Physical education and sport science', 'disc-04'],
  ['disc-0501', '中国语言文学', 'Chinese language and literature', 'disc-05'],
  ['disc-0502', '外国语言文学', 'Foreign languages and literature', 'disc-05'],
  ['disc-0503', '新闻传播学', 'Journalism and communication', 'disc-05'],
  ['disc-0601', '考古学', 'Archaeology', 'disc-06'],
  ['disc-0602', '中国史', 'Chinese history', 'disc-06'],
  ['disc-0603', '世界史', 'World history', 'disc-06'],
  ['disc-0701', '数学', 'Mathematics', 'disc-07'],
  ['disc-0702', '物理学', 'Physics', 'disc-07'],
  ['disc-0703', '化学', 'Chemistry', 'disc-07'],
  ['disc-0704', '天文学', 'Astronomy', 'disc-07'],
  ['disc-0705', '地理学', 'Geography', 'disc-07'],
  ['disc-0706', '大气科学', 'Atmospheric sciences', 'disc-07'],
  ['disc-0707', '海洋科学', 'Marine sciences', 'disc-07'],
  ['disc-0708', '地球物理学', 'Geophysics', 'disc-07'],
  ['disc-0709', '地质学', 'Geology', 'disc-07'],
  ['disc-0710', '生物学', 'Biology', 'disc-07'],
  ['disc-0711', '系统科学', 'Systems science', 'disc-07'],
  ['disc-0712', '科学技术史', 'History of science and technology', 'disc-07'],
  ['disc-0713', '生态学', 'Ecology', 'disc-07'],
  ['disc-0714', '统计学', 'Statistics', 'disc-07'],
  ['disc-0801', '力学', 'Mechanics', 'disc-08'],
  ['disc-0802', '机械工程', 'Mechanical engineering', 'disc-08'],
  ['disc-0803', '光学工程', 'Optical engineering', 'disc-08'],
  ['disc-0804', '仪器科学与技术', 'Instrument science and technology', 'disc-08'],
  ['disc-0805', '材料科学与工程', 'Materials science and engineering', 'disc-08'],
  ['disc-0806', '冶金工程', 'Metallurgical engineering', 'disc-08'],
  ['disc-0807', '动力工程及工程热物理', 'Power engineering and engineering thermophysics', 'disc-08'],
  ['disc-0808', '电气工程', 'Electrical engineering', 'disc-08'],
  ['disc-0809', '电子科学与技术', 'Electronic science and technology', 'disc-08'],
  ['disc-0810', '信息与通信工程', 'Information and communication engineering', 'disc-08'],
  ['disc-0811', '控制科学与工程', 'Control science and engineering', 'disc-08'],
  ['disc-0812', '计算机科学与技术', 'Computer science and technology', 'disc-08'],
  ['disc-0813', '建筑学', 'Architecture', 'disc-08'],
  ['disc-0814', '土木工程', 'Civil engineering', 'disc-08'],
  ['disc-0815', '水利工程', 'Hydraulic engineering', 'disc-08'],
  ['disc-0816', '测绘科学与技术', 'Surveying and mapping', 'disc-08'],
  ['disc-0817', '化学工程与技术', 'Chemical engineering and technology', 'disc-08'],
  ['disc-0818', '地质资源与地质工程', 'Geological resources and engineering', 'disc-08'],
  ['disc-0819', '矿业工程', 'Mining engineering', 'disc-08'],
  ['disc-0820', '石油与天然气工程', 'Petroleum and natural gas engineering', 'disc-08'],
  ['disc-0821', '纺织科学与工程', 'Textile science and engineering', 'disc-08'],
  ['disc-0822', '轻工技术与工程', 'Light industry technology and engineering', 'disc-08'],
  ['disc-0823', '交通运输工程', 'Transportation engineering', 'disc-08'],
  ['disc-0824', '船舶与海洋工程', 'Naval architecture and ocean engineering', 'disc-08'],
  ['disc-0825', '航空宇航科学与技术', 'Aeronautical and astronautical science and technology', 'disc-08'],
  ['disc-0826', '兵器科学与技术', 'Armament science and technology', 'disc-08'],
  ['disc-0827', '核科学与技术', 'Nuclear science and technology', 'disc-08'],
  ['disc-0828', '农业工程', 'Agricultural engineering', 'disc-08'],
  ['disc-0829', '林业工程', 'Forestry engineering', 'disc-08'],
  ['disc-0830', '环境科学与工程', 'Environmental science and engineering', 'disc-08'],
  ['disc-0831', '生物医学工程', 'Biomedical engineering', 'disc-08'],
  ['disc-0832', '食品科学与工程', 'Food science and engineering', 'disc-08'],
  ['disc-0833', '城乡规划学', 'Urban and rural planning', 'disc-08'],
  ['disc-0835', '软件工程', 'Software engineering', 'disc-08'],
  ['disc-0836', '生物工程', 'Bioengineering', 'disc-08'],
  ['disc-0837', '安全科学与工程', 'Safety science and engineering', 'disc-08'],
  ['disc-0901', '作物学', 'Crop science', 'disc-09'],
  ['disc-0902', '园艺学', 'Horticulture', 'disc-09'],
  ['disc-0903', '农业资源与环境', 'Agricultural resources and environment', 'disc-09'],
  ['disc-0904', '植物保护', 'Plant protection', 'disc-09'],
  ['disc-0905', '畜牧学', 'Animal science', 'disc-09'],
  ['disc-0906', '兽医学', 'Veterinary medicine', 'disc-09'],
  ['disc-0907', '林学', 'Forestry', 'disc-09'],
  ['disc-0908', '水产', 'Fisheries', 'disc-09'],
  ['disc-0909', '草学', 'Grassland science', 'disc-09'],
  ['disc-1001', '基础医学', 'Basic medicine', 'disc-10'],
  ['disc-1002', '临床医学', 'Clinical medicine', 'disc-10'],
  ['disc-1003', '口腔医学', 'Stomatology', 'disc-10'],
  ['disc-1004', '公共卫生与预防医学', 'Public health and preventive medicine', 'disc-10'],
  ['disc-1005', '中医学', 'Traditional Chinese medicine', 'disc-10'],
  ['disc-1006', '中西医结合', 'Integrated Chinese and Western medicine', 'disc-10'],
  ['disc-1007', '药学', 'Pharmacy', 'disc-10'],
  ['disc-1008', '中药学', 'Chinese materia medica', 'disc-10'],
  ['disc-1011', '护理学', 'Nursing', 'disc-10'],
  ['disc-1201', '管理科学与工程', 'Management science and engineering', 'disc-12'],
  ['disc-1202', '工商管理', 'Business administration', 'disc-12'],
  ['disc-1203', '农林经济管理', 'Agricultural and forestry economics and management', 'disc-12'],
  ['disc-1204', '公共管理', 'Public administration', 'disc-12'],
  ['disc-1205', '图书情报与档案管理', 'Library, information and archives management', 'disc-12'],
  ['disc-1301', '艺术学理论', 'Art theory', 'disc-13'],
  ['disc-1302', '音乐与舞蹈学', 'Music and dance', 'disc-13'],
  ['disc-1303', '戏剧与影视学', 'Drama, film and television', 'disc-13'],
  ['disc-1304', '美术学', 'Fine arts', 'disc-13'],
  ['disc-1305', '设计学', 'Design', 'disc-13'],
];

function rows(): [string, string, string, string, string | null, number][] {
  return [
    ['field', 'disciplines', '学科门类', 'Academic disciplines', null, 900],
    ...CATEGORIES.map(([code, zh, en]): [string, string, string, string, string | null, number] => [
      'field',
      code,
      zh,
      en,
      'disciplines',
      900,
    ]),
    ...DISCIPLINES.map(([code, zh, en, parent]): [string, string, string, string, string | null, number] => [
      'field',
      code,
      zh,
      en,
      parent,
      900,
    ]),
  ];
}

export class DisciplineFields1795570100000 implements MigrationInterface {
  name = 'DisciplineFields1795570100000';

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
