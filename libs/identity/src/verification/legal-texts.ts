/**
 * The legal texts a person accepts at registration, as required by the Personal Information
 * Protection Law (个人信息保护法). Each has a version; a new wording gets a new version, and
 * the consent table records which version each person accepted and when. Old versions stay
 * here so what someone accepted can always be shown again.
 */
export const LEGAL_DOCUMENTS = ['terms', 'privacy'] as const;
export type LegalDocument = (typeof LEGAL_DOCUMENTS)[number];

export interface LegalText {
  document: LegalDocument;
  version: string;
  title: { zh: string; en: string };
  /** Paragraphs. */
  body: { zh: string[]; en: string[] };
}

const TERMS_2026_12: LegalText = {
  document: 'terms',
  version: '2026-12-01',
  title: { zh: '成果快转平台用户协议', en: 'Kuaizhuan user agreement' },
  body: {
    zh: [
      '一、本平台为高校院所、企业和技术经理人提供科技成果与技术需求的发布、匹配、对接与交易服务。',
      '二、注册机构须如实提供机构名称、统一社会信用代码和营业执照等资料，经平台审核通过后方可使用全部功能。',
      '三、用户对其发布的需求、成果及上传的资料的真实性、合法性负责，不得发布侵犯他人知识产权或商业秘密的内容。',
      '四、平台仅在技术经理人审核通过推荐且双方均表示意向后，向对方展示联系方式；用户不得将获得的联系方式用于对接以外的目的。',
      '五、交易的条款、合同与付款由交易双方自行约定并承担责任，平台记录交易过程以便核对。',
      '六、违反本协议的，平台可暂停或终止相关机构的使用资格。',
    ],
    en: [
      '1. The platform lets universities, institutes, companies and technology managers publish, match, connect and transact research results and technology needs.',
      '2. A registering organisation gives its true name, unified social credit code and business licence; it uses every function once the platform has verified it.',
      '3. Users answer for the truth and lawfulness of the needs, achievements and files they publish, and publish nothing that infringes others’ intellectual property or trade secrets.',
      '4. Contact details are shown to the other side only after a technology manager approved a recommendation and both sides said they are interested; they are used for that contact only.',
      '5. The parties agree the terms, contracts and payments of a deal and answer for them; the platform records the deal’s steps so they can be checked.',
      '6. The platform may suspend or end the use of an organisation that breaches this agreement.',
    ],
  },
};

const PRIVACY_2026_12: LegalText = {
  document: 'privacy',
  version: '2026-12-01',
  title: { zh: '个人信息保护告知书', en: 'Privacy notice' },
  body: {
    zh: [
      '一、我们处理的个人信息：您的姓名、电子邮箱、手机号码、登录记录，以及您所在机构的联系人信息。',
      '二、处理目的：账号注册与登录、机构审核、推荐与对接通知、交易记录与合同生成。未经您同意，不用于其他目的。',
      '三、向他人提供：仅在匹配获得双方意向后，向对接方提供您机构的联系人信息；法律法规另有规定的除外。',
      '四、保存期限：账号存续期间保存；账号注销后，除法律要求保存的交易记录外，在 30 日内删除或匿名化。',
      '五、您的权利：您可以查阅、复制、更正、删除您的个人信息，撤回同意或注销账号，可通过平台运营方联系我们行使。',
      '六、个人信息在中华人民共和国境内存储，不向境外提供。',
    ],
    en: [
      '1. Personal information we process: your name, e-mail address, mobile number and sign-in records, and your organisation’s contact person.',
      '2. Purposes: registration and sign-in, verifying organisations, notices of recommendations and connections, deal records and contracts. Nothing else without your consent.',
      '3. Sharing: your organisation’s contact details go to the other side only once both sides are interested in a match, unless the law requires otherwise.',
      '4. Retention: while the account exists; within 30 days after it is closed, deleted or anonymised, except deal records the law requires us to keep.',
      '5. Your rights: to see, copy, correct and delete your personal information, to withdraw consent and to close your account, through the platform operator.',
      '6. Personal information is stored in the People’s Republic of China and not sent abroad.',
    ],
  },
};

/** Every version of every text, oldest first. */
export const LEGAL_TEXTS: readonly LegalText[] = [TERMS_2026_12, PRIVACY_2026_12];

/** The version of each text a registration must accept now. */
export function currentText(document: LegalDocument): LegalText {
  const versions = LEGAL_TEXTS.filter((text) => text.document === document);
  return versions[versions.length - 1];
}

/** The versions a registration accepts today, as its `consent` field takes them. */
export function currentConsent(): { termsVersion: string; privacyVersion: string } {
  return { termsVersion: currentText('terms').version, privacyVersion: currentText('privacy').version };
}
