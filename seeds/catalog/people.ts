import type { Random } from './random';

/*
 * Made-up people: a common surname (with its pinyin, for e-mail addresses) and one or two
 * given-name characters. Any resemblance to a real person is chance.
 */

/** Common surnames, with some frequent in Chongqing (冉, 向, 谭, 牟 …). */
const SURNAMES: [string, string][] =
  '王wang 李li 张zhang 刘liu 陈chen 杨yang 黄huang 赵zhao 吴wu 周zhou 徐xu 孙sun 马ma 朱zhu 胡hu 郭guo 何he 林lin 罗luo 高gao 郑zheng 梁liang 谢xie 宋song 唐tang 韩han 冯feng 邓deng 曹cao 彭peng 曾zeng 肖xiao 田tian 董dong 袁yuan 潘pan 蒋jiang 蔡cai 余yu 杜du 叶ye 程cheng 魏wei 苏su 丁ding 任ren 姚yao 钟zhong 谭tan 廖liao 熊xiong 秦qin 向xiang 冉ran 牟mou 付fu 雷lei 龙long 况kuang 贺he 文wen 陶tao 蒲pu'
    .split(' ')
    .map((entry): [string, string] => [entry[0], entry.slice(1)]);

const GIVEN = [
  ...'建明志伟强军平辉宇涛斌峰磊鹏浩杰亮晨晓静丽敏芳燕婷雪琳倩颖霞红玲洁蕾萍丹永国德文华光远新海林春松云天安成学立俊凯昊睿思雨欣悦瑞博诚嘉毅楠锋刚勇彬晶璐蓉瑶菁炜阳川渝江航达坤晗卓然一舟',
];

export interface Person {
  name: string;
  /** Lower-case pinyin of the surname, for an e-mail address. */
  surnamePinyin: string;
}

/** A person whose name is not in `taken` (which it then joins). */
export function newPerson(random: Random, taken: Set<string>): Person {
  for (;;) {
    const [surname, surnamePinyin] = random.pick(SURNAMES);
    const given = random.chance(0.75) ? random.pick(GIVEN) + random.pick(GIVEN) : random.pick(GIVEN);
    if (given.length === 2 && given[0] === given[1] && random.chance(0.8)) continue;
    const name = surname + given;
    if (taken.has(name)) continue;
    taken.add(name);
    return { name, surnamePinyin };
  }
}
