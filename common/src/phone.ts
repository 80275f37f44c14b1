// Mainland mobile numbers: "+86", "0086", spaces and dashes removed, then ^1[3-9]\d{9}$.
export function normalizePhone(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\-()（）]/g, '')
    .replace(/^(\+86|0086|86(?=1\d{10}$))/, '');
}

export function phoneError(normalized: string): string | null {
  return /^1[3-9]\d{9}$/.test(normalized) ? null : '手机号应为11位中国大陆手机号';
}
