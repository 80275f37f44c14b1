// English UI text of data corrections; keys mirror dataCorrections.zh-CN.ts.
import type { dataCorrectionsZhCN } from './dataCorrections.zh-CN.ts';

export const dataCorrectionsEn: typeof dataCorrectionsZhCN = {
  dataCorrections: {
    menu: 'Data corrections',
    title: 'Data correction requests',
    number: 'Number',
    status: 'Status',
    field: 'Field',
    correct: 'Correct value',
    note: 'Note',
    dueAt: 'Due',
    createdAt: 'Submitted',
    overdue: 'Overdue',
    handle: 'Handle',
    hint: 'Correct the member record under Members first, then mark it corrected; a rejection needs a reason.',
    opinion: 'Opinion',
    opinionRequired: 'Please enter an opinion',
    resolve: 'Corrected',
    reject: 'Reject',
    done: 'Done',
    statuses: { pending: 'Pending', resolved: 'Corrected', rejected: 'Rejected', withdrawn: 'Withdrawn' },
    fields: { name: 'Name', phone: 'Phone', idNumber: 'ID number', joinedAt: 'Joined', category: 'Category', other: 'Other' },
  },
};
