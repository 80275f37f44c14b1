// The roster file's name says whose roster it is and how it was filtered, so that two downloads on one desk
// (东湖区 农民工 2026年入会 / 西湖街道 全部) are not both "会员名册.xlsx".
import { MEMBER_CATEGORY_LABELS, MEMBER_STATUS_LABELS, type TMemberExportQuery } from '@gonghui/common';

/** Characters Windows, macOS and Excel refuse in a file name, and anything that is not printable. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a file name
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

export function memberExportFileName(orgName: string, q: Partial<TMemberExportQuery>, stamp: string): string {
  const words = [orgName];
  if (q.subtree === false) words.push('本级');
  if (q.status === 'all') words.push('含退会');
  else if (q.status) words.push(MEMBER_STATUS_LABELS[q.status]);
  if (q.category) words.push(MEMBER_CATEGORY_LABELS[q.category]);
  if (q.joinedFrom || q.joinedTo) words.push(`入会${q.joinedFrom ?? ''}至${q.joinedTo ?? ''}`);
  if (q.leftFrom || q.leftTo) words.push(`退会${q.leftFrom ?? ''}至${q.leftTo ?? ''}`);
  if (q.q) words.push(`含“${q.q}”`);
  // The ID number searched for never goes into a file name.
  if (q.idNumber) words.push('按身份证号查询');
  const name = `会员名册-${words.join('-')}-${stamp}`.replace(UNSAFE, '_');
  return `${[...name].slice(0, 120).join('')}.xlsx`;
}
