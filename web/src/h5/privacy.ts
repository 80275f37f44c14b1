// The privacy notice members accept on activation. Changing the text means a new version (the server records it).
export const PRIVACY_VERSION = 'v1';

export const PRIVACY_NOTICE: Record<'zh' | 'en', { title: string; paragraphs: string[] }> = {
  zh: {
    title: '个人信息处理告知书（v1）',
    paragraphs: [
      '为向您提供会员服务，工会将处理您的姓名、身份证号、手机号、工作单位及会籍信息。',
      '处理目的：会员身份核验、会员卡、入会与会籍管理、帮扶与维权等服务。',
      '身份证号、手机号加密保存，默认部分隐藏显示；工作人员查看完整身份证号须说明理由并留痕，每次查看您都可以在「我的数据」中看到。',
      '除法律法规规定外，未经您同意不会向第三方提供您的个人信息。',
      '您可以在「我的数据」中查阅、下载您的个人信息，撤回可选授权；撤回不影响撤回前基于授权已进行的处理。',
      '如有疑问，请联系您所在的工会。',
    ],
  },
  en: {
    title: 'Personal Information Notice (v1)',
    paragraphs: [
      'To provide member services the union processes your name, ID number, phone, employer and membership data.',
      'Purposes: identity verification, member card, membership management, assistance and rights services.',
      'ID numbers and phones are stored encrypted and shown masked; staff must give a reason to view a full ID number and each view is logged — see "My data".',
      'Except where the law requires it, your data is not given to third parties without your consent.',
      'In "My data" you can view and download your data and withdraw optional consents; withdrawal does not affect earlier processing.',
      'Questions: contact your union.',
    ],
  },
};
