// English UI text of 会员账号 (the member portal accounts a cadre oversees).
export const memberAccountEn = {
  memberAccount: {
    menu: 'Member accounts',
    title: 'Member portal accounts',
    hint: 'Accounts members activated on the mobile member service. A reset ends the password and every sign-in; the member must activate again.',
    name: 'Member',
    org: 'Union',
    status: 'Status',
    statuses: { active: 'Activated', locked: 'Locked', inactive: 'Not activated' },
    activatedAt: 'Activated',
    lastLoginAt: 'Last sign-in',
    actions: 'Actions',
    reset: 'Reset activation',
    resetConfirm: 'Reset the member account of {{name}}?',
    resetHint:
      'The password and every sign-in of this member end at once; they must activate again with ID number, phone and an SMS code. The reset is audited.',
    resetDone: 'Reset: the member must activate again',
  },
};
