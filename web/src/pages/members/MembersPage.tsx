// /members: the org tree on the left picks the union; its roster (alone or with its subtree) fills the right.
import { useState } from 'react';
import { useSession } from '../../app/session.ts';
import { OrgTreeCard } from '../../components/orgTree/OrgTreeCard.tsx';
import { useOrgNavigator } from '../../components/orgTree/useOrgNavigator.ts';
import { MemberTable } from './MemberTable.tsx';

export function MembersPage() {
  const { org: root } = useSession();
  const nav = useOrgNavigator(root);
  const [subtree, setSubtree] = useState(true);
  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
      <OrgTreeCard nav={nav} rootId={root.id} width={272} />
      <div style={{ flex: 1, minWidth: 0 }}>
        <MemberTable org={nav.selected ?? root} subtree={subtree} onSubtreeChange={setSubtree} />
      </div>
    </div>
  );
}
