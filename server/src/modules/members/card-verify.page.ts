// The public page a merchant or an event desk opens by scanning an e-card's QR (/v/<token>): 有效 / 已过期 / 无效,
// the masked name, the union and the membership status — nothing else. Server-rendered HTML without script (works
// in any phone browser, including WeChat's), never cached, rate-limited per address.
import { MEMBER_STATUS_LABELS, type MemberStatus } from '@gonghui/common';
import { z } from 'zod';
import type { HttpApp } from '../../platform/http/index.ts';
import type { CardService } from './members.card.ts';

type Verdict = Awaited<ReturnType<CardService['verify']>>;

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const VERDICTS = {
  valid: { zh: '有效', en: 'Valid', color: '#237804', bg: '#f6ffed' },
  expired: { zh: '已过期', en: 'Expired', color: '#ad6800', bg: '#fffbe6' },
  invalid: { zh: '无效', en: 'Not valid', color: '#a8071a', bg: '#fff1f0' },
} as const;

/** The verdict as the page shows it; a card whose member left the union is 无效 with the status named. */
export function verdictOf(v: Verdict): keyof typeof VERDICTS {
  if (v.valid) return 'valid';
  return v.reason === 'expired' ? 'expired' : 'invalid';
}

export function cardVerifyHtml(v: Verdict, checkedAt: Date): string {
  const kind = verdictOf(v);
  const look = VERDICTS[kind];
  const hint =
    kind === 'expired'
      ? '二维码已过期，请会员刷新电子会员卡后重新出示。<br><span class="en">The code has expired: ask the member to refresh the card.</span>'
      : kind === 'invalid' && !v.member
        ? '无法识别的会员卡二维码。<br><span class="en">This code is not a member card.</span>'
        : '';
  const rows = v.member
    ? [
        ['会员', 'Member', v.member.nameMasked],
        ['所在工会', 'Union', v.member.orgName],
        ['会籍状态', 'Status', MEMBER_STATUS_LABELS[v.member.status as MemberStatus] ?? v.member.status],
      ]
        .map(([zh, en, value]) => `<tr><th>${zh}<span class="en">${en}</span></th><td>${escape(String(value))}</td></tr>`)
        .join('')
    : '';
  const time = new Date(checkedAt.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>电子会员卡核验 · ${look.zh}</title>
<style>
body{margin:0;font-family:-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;background:#f5f5f5;color:#1f1f1f}
main{max-width:420px;margin:0 auto;padding:24px 16px}
h1{font-size:17px;font-weight:600;margin:0 0 16px}
.verdict{border-radius:12px;padding:20px;text-align:center;background:${look.bg};color:${look.color};border:1px solid ${look.color}33}
.verdict b{display:block;font-size:32px;letter-spacing:4px}
.en{display:block;font-size:12px;color:#8c8c8c;font-weight:400}
.verdict .en{color:inherit;opacity:.8}
table{width:100%;margin-top:16px;background:#fff;border-radius:12px;border-collapse:collapse;overflow:hidden}
th,td{padding:12px 16px;text-align:left;border-bottom:1px solid #f0f0f0;font-size:15px;vertical-align:top}
th{width:35%;font-weight:400;color:#595959}
p{font-size:14px;color:#595959;line-height:1.6}
footer{margin-top:16px;font-size:12px;color:#8c8c8c}
</style></head>
<body><main>
<h1>电子会员卡核验<span class="en">E-card check</span></h1>
<div class="verdict" data-verdict="${kind}"><b>${look.zh}</b><span class="en">${look.en}</span></div>
${rows ? `<table>${rows}</table>` : ''}
${hint ? `<p>${hint}</p>` : ''}
<footer>核验时间 ${time}（北京时间）· 本页只显示核验所需信息</footer>
</main></body></html>`;
}

export function registerCardVerifyPage(app: HttpApp, cards: CardService): void {
  app.get('/v/:token', {
    schema: { hide: true, params: z.object({ token: z.string() }) },
    config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
    handler: async (req, reply) => {
      const token = req.params.token;
      const v: Verdict = token.length > 1000 ? { valid: false, reason: 'invalid' } : await cards.verify(token);
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('referrer-policy', 'no-referrer')
        .send(cardVerifyHtml(v, new Date()));
    },
  });
}
