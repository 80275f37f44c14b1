// Picks an organisation by name search (GET /h5/orgs/search?q=); each hit shows its parent under the name.
import { ErrorBlock, List, Popup, SearchBar } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { h5Api, type OrgHit } from '../api.ts';
import { friendlyError } from '../errors.ts';
import { useLang } from '../i18n.tsx';
import { Loading } from './States.tsx';

interface Props {
  value?: OrgHit | null;
  onChange?: (org: OrgHit | null) => void;
  placeholder: string;
}

export function OrgPicker({ value, onChange, placeholder }: Props) {
  const { t } = useLang();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<OrgHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const term = q.trim();
    if (!open || term === '') {
      setHits(null);
      setError(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      setBusy(true);
      h5Api.searchOrgs(term).then(
        (r) => {
          if (!live) return;
          setHits(r);
          setError(null);
          setBusy(false);
        },
        (e: unknown) => {
          if (!live) return;
          setError(friendlyError(e, t));
          setBusy(false);
        },
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, open, t]);

  return (
    <>
      <div onClick={() => setOpen(true)} role="button" style={{ color: value ? undefined : 'var(--adm-color-light)' }}>
        {value ? value.name : placeholder}
      </div>
      <Popup
        visible={open}
        onMaskClick={() => setOpen(false)}
        bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, height: '70vh', display: 'flex', flexDirection: 'column' }}
      >
        <div style={{ padding: 12 }}>
          <SearchBar placeholder={t('searchOrg')} value={q} onChange={setQ} autoFocus showCancelButton onCancel={() => setOpen(false)} />
        </div>
        <div style={{ flex: 1, overflow: 'auto' }}>
          {busy && hits === null ? (
            <Loading />
          ) : error ? (
            <ErrorBlock status="default" title={error} description="" />
          ) : hits && hits.length === 0 ? (
            <ErrorBlock status="empty" title={t('searchOrgEmpty')} description="" />
          ) : (
            <List>
              {(hits ?? []).map((o) => (
                <List.Item
                  key={o.id}
                  description={o.parentName ?? undefined}
                  onClick={() => {
                    onChange?.(o);
                    setOpen(false);
                  }}
                >
                  {o.name}
                </List.Item>
              ))}
            </List>
          )}
        </div>
      </Popup>
    </>
  );
}
