import { describe, expect, it } from 'vitest';
import { hashKey, type QueryClient } from '@tanstack/react-query';
import type { TMe } from '@gonghui/common';
import { prefetchMembers } from './memberQuery.ts';

const me = { org: { id: 7, name: '示范市总工会' }, user: { permissions: ['member:read'] } } as unknown as TMe;

/** The keys the route's loader asks for. */
function prefetched(url: string): string[] {
  const keys: string[] = [];
  const client = { prefetchQuery: (q: { queryKey: readonly unknown[] }) => keys.push(hashKey(q.queryKey)) } as unknown as QueryClient;
  prefetchMembers(client, me, new URL(url, 'http://localhost'));
  return keys;
}

describe('prefetchMembers (the 会员管理 route loader)', () => {
  it('asks for the first page the roster opens on: own org with its subtree, newest first, 20 rows', () => {
    expect(prefetched('/members')).toEqual([hashKey(['members', 'list', { orgId: 7, subtree: true }, 'id', 20, null])]);
  });

  it('carries a drill-down link’s filters, scope and order exactly as the form turns them into a query', () => {
    expect(
      prefetched(
        '/members?status=left&category=migrant&joinedFrom=2024-01-01&joinedTo=2024-06-30&leftFrom=2024-02-01&subtree=false&sort=name&member=3',
      ),
    ).toEqual([
      hashKey([
        'members',
        'list',
        {
          orgId: 7,
          subtree: false,
          status: 'left',
          category: 'migrant',
          joinedFrom: '2024-01-01',
          joinedTo: '2024-06-30',
          leftFrom: '2024-02-01',
        },
        'name',
        20,
        null,
      ]),
    ]);
  });

  it('leaves a link naming another union to the page, which looks it up first', () => {
    expect(prefetched('/members?orgId=99')).toEqual([]);
    expect(prefetched('/members?orgId=7')).toHaveLength(1);
  });
});
