// The org navigator with its selection in the URL (?orgId=): Back and Forward move between picked orgs, and a
// bookmark or a shared link opens on the same org, its ancestors loaded and expanded. The root leaves no parameter.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import type { TOrg } from '@gonghui/common';
import { orgApi } from '../../api/endpoints.ts';
import { notifyError } from '../../utils/notify.ts';
import { ORG_PARAM, orgIdOf } from './orgUrl.ts';
import { useOrgNavigator, type OrgNavigator } from './useOrgNavigator.ts';

export { ORG_PARAM, orgIdOf };

export function useUrlOrgNavigator(root: TOrg): OrgNavigator {
  const nav = useOrgNavigator(root);
  const [params, setParams] = useSearchParams();
  const urlOrgId = orgIdOf(params) ?? root.id;
  /** An org picked from search, handed over to the effect below once the URL names it. */
  const picked = useRef<TOrg>(undefined);
  const { tree, selectedId, setSelectedId, pick } = nav;
  const known = tree.state.orgs.get(urlOrgId);

  // The URL leads; the tree follows (also on Back/Forward and on a link from elsewhere).
  useEffect(() => {
    if (urlOrgId === selectedId) return;
    const handed = picked.current;
    picked.current = undefined;
    if (handed?.id === urlOrgId) pick(handed);
    else if (known) setSelectedId(urlOrgId);
    else orgApi.get(urlOrgId).then(pick).catch(notifyError);
  }, [urlOrgId, selectedId, known, pick, setSelectedId]);

  const go = useCallback(
    (id: number) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        if (id === root.id) next.delete(ORG_PARAM);
        else next.set(ORG_PARAM, String(id));
        return next;
      }),
    [setParams, root.id],
  );

  const pickViaUrl = useCallback(
    (org: TOrg) => {
      picked.current = org;
      go(org.id);
    },
    [go],
  );

  return useMemo(() => ({ ...nav, setSelectedId: go, pick: pickViaUrl }), [nav, go, pickViaUrl]);
}
